import { Center, Container } from '@mantine/core';
import { useQuery } from 'urql';
import { isUnauthenticated } from '../api/errors';
import { MeDocument, PrincipalProvider } from '../auth/principal';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { LoadingState } from '../components/QueryState';
import { ShellLayout } from './ShellLayout';

/** The signed-in layout: who is signed in first (the API says), then the navigation and the page. */
export function Shell() {
  const [me] = useQuery({ query: MeDocument });
  // UNAUTHENTICATED: the client's error exchange is already taking the browser to /sign-in.
  if (isUnauthenticated(me.error)) return <LoadingState label="Taking you to sign-in…" />;
  if (me.error)
    return (
      <Container size="sm" py="xl" component="main">
        <ApiErrorAlert error={me.error} title="The console could not load your session" />
      </Container>
    );
  if (!me.data)
    return (
      <Center mih="60vh" component="main">
        <LoadingState label="Loading your session…" />
      </Center>
    );
  return (
    <PrincipalProvider principal={me.data.me}>
      <ShellLayout />
    </PrincipalProvider>
  );
}
