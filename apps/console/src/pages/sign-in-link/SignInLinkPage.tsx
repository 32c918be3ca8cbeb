import { Anchor, Center, Paper, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '../../api/errors';
import { redeemSignInLink } from '../../auth/session-api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadingState } from '../../components/QueryState';

/** Redeems the one-time link's token once, then opens the console; a refusal is shown here, in words. */
export function SignInLinkPage() {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once: a token is single-use, and React may run an effect twice in development.
    if (started.current) return;
    started.current = true;
    const token = window.location.hash.slice(1);
    // Out of the address bar and the history before anything else: the link is spent either way.
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setProblem({ message: 'This address has no sign-in token: open the whole link you were given.', code: 'UNAUTHENTICATED' });
      return;
    }
    redeemSignInLink(token)
      .then((refused) => (refused ? setProblem(refused) : window.location.replace('/')))
      .catch((error: unknown) => setProblem({ message: `The API could not be reached: ${String(error)}`, code: 'NETWORK_ERROR' }));
  }, []);

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <Title order={1} size="h3">
            Signing in
          </Title>
          {problem ? (
            <>
              <ApiErrorAlert error={problem} title="This sign-in link was refused" />
              <Anchor component={Link} to="/sign-in" size="sm">
                Back to sign-in
              </Anchor>
            </>
          ) : (
            <LoadingState label="Checking your sign-in link…" />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
