import { Alert, Button, Center, Code, Divider, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconLogin2, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { fetchAuthOptions, type AuthOptions } from '../../auth/session-api';
import { signInRoute } from './route';
import { signInErrorText } from './sign-in-errors';

/** Sign-in: single sign-on when the installation has an identity provider, and how one-time links work. */
export function SignInPage() {
  const { returnTo, error } = signInRoute.useSearch();
  const [options, setOptions] = useState<AuthOptions | null>(null);
  useEffect(() => {
    fetchAuthOptions()
      .then(setOptions)
      .catch(() => setOptions({ oidc: { enabled: false, label: '' } }));
  }, []);
  const start = `/auth/oidc/start?returnTo=${encodeURIComponent(returnTo ?? '/')}`;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <Stack gap={4} align="center">
            <IconShieldCheck size={32} aria-hidden />
            <Title order={1} size="h3">
              Sign in to Attest
            </Title>
            <Text size="sm" c="dimmed" ta="center">
              The compliance console: decisions, their evidence and the audit trail.
            </Text>
          </Stack>
          {error && (
            <Alert color="red" variant="light" title="Sign-in failed" role="alert" data-testid="sign-in-error">
              <Text size="sm">{signInErrorText(error)}</Text>
              <Text size="xs" c="dimmed" mt={4}>
                Code <Code>{error}</Code>
              </Text>
            </Alert>
          )}
          {!options ? (
            <Center>
              <Loader size="sm" aria-label="Loading the sign-in options" />
            </Center>
          ) : (
            options.oidc.enabled && (
              <>
                <Button component="a" href={start} leftSection={<IconLogin2 size={16} aria-hidden />} size="md" fullWidth>
                  Sign in with {options.oidc.label}
                </Button>
                <Divider label="or" labelPosition="center" />
              </>
            )
          )}
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              <IconKey size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
              With a one-time sign-in link
            </Text>
            <Text size="sm" c="dimmed">
              Open the link you were given: it signs you in once, within 15 minutes. The first start prints one for the bootstrap admin; an
              administrator mints one for any person with <Code>attest login-link --principal &lt;id&gt;</Code>.
            </Text>
            <Text size="sm" c="dimmed">
              Services and scripts sign in with API keys instead, not here.
            </Text>
          </Stack>
        </Stack>
      </Paper>
    </Center>
  );
}
