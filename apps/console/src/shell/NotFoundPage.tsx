import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <Center mih="60vh" component="main">
      <Stack align="center" gap="xs">
        <Title order={1} size="h3">
          No such page
        </Title>
        <Text c="dimmed" size="sm">
          The console has no page at this address.
        </Text>
        <Anchor component={Link} to="/">
          Go to the overview
        </Anchor>
      </Stack>
    </Center>
  );
}
