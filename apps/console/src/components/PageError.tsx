import { Button, Container, Stack } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { ApiErrorAlert } from './ApiErrorAlert';

/** What a page that failed to load or render shows instead of a blank screen: the error, and a retry. */
export function PageError({ error, reset }: ErrorComponentProps) {
  return (
    <Container size="sm" py="xl">
      <Stack gap="sm" align="flex-start">
        <ApiErrorAlert error={error} title="This page could not be shown" />
        <Button variant="default" size="xs" onClick={reset}>
          Try again
        </Button>
      </Stack>
    </Container>
  );
}
