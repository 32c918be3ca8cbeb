import { Alert, Button, Code, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClockHour4, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { describeError, type ApiProblem } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadingState } from '../../components/QueryState';
import { verifyDecisionSeal, type SealVerification } from '../../ledger-verification/verify-decision-seal';
import type { DecisionDetail } from './decision-document';
import { fetchVerifierKey, SealEvidenceDocument } from './seal-evidence';

/** Darker than Mantine's green (and red.9 for red), so the white text keeps 4.5:1 (WCAG 1.4.3). */
const VERIFIED_GREEN = '#1e7a34';

type State =
  | { kind: 'checking' }
  | { kind: 'not-sealed' }
  | { kind: 'failed-to-fetch'; problem: ApiProblem }
  | { kind: 'done'; outcome: SealVerification; verifierKey: string };

/**
 * "Verified in this browser": fetches the decision's leaf, inclusion proof and signed checkpoint
 * (GraphQL) and the log's published key, and checks them here with WebCrypto
 * (ledger-verification/verify-decision-seal). The server states no result; a proof or signature
 * altered in transit fails a check, which the panel names. A decision not covered by a checkpoint
 * yet is "not sealed yet", with a retry: a fact of time, not a failure.
 */
export function SealVerificationPanel({ decision, onRetry }: { decision: DecisionDetail; onRetry: () => void }) {
  const client = useClient();
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const sealed = decision.sealedAt !== null && decision.sealedAt !== undefined;

  useEffect(() => {
    if (!sealed) {
      setState({ kind: 'not-sealed' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'checking' });
    void (async () => {
      const evidence = await client.query(SealEvidenceDocument, { factId: decision.id }, { requestPolicy: 'network-only' }).toPromise();
      if (cancelled) return;
      if (evidence.error || !evidence.data) {
        setState({ kind: 'failed-to-fetch', problem: describeError(evidence.error) });
        return;
      }
      let verifierKey: string;
      try {
        verifierKey = await fetchVerifierKey();
      } catch (error) {
        if (!cancelled)
          setState({ kind: 'failed-to-fetch', problem: { message: String((error as Error).message), code: 'NETWORK_ERROR' } });
        return;
      }
      const outcome = await verifyDecisionSeal({
        decision: {
          id: decision.id,
          status: decision.status,
          automationVersionId: decision.automationVersionId,
          modelVersionId: decision.modelVersionId,
        },
        tenantId: evidence.data.tenant.id,
        verifierKey,
        proof: evidence.data.ledgerInclusionProof,
      });
      if (!cancelled) setState({ kind: 'done', outcome, verifierKey });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, decision.id, decision.status, decision.automationVersionId, decision.modelVersionId, sealed, attempt]);

  const retry = () => {
    setAttempt((n) => n + 1);
    onRetry();
  };

  return (
    <Paper withBorder p="sm" data-testid="seal-verification" aria-labelledby="seal-verification-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="seal-verification-title">
          Verified in this browser
        </Title>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={retry}>
          Check again
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Your browser recomputes the decision&apos;s ledger leaf, its RFC 9162 inclusion proof and the checkpoint&apos;s Ed25519 signature
        against the log&apos;s published key. It takes no verdict from the server.
      </Text>
      <SealState state={state} />
    </Paper>
  );
}

function SealState({ state }: { state: State }) {
  switch (state.kind) {
    case 'checking':
      return <LoadingState label="Checking the seal…" />;
    case 'not-sealed':
      return (
        <Alert
          color="gray"
          variant="light"
          icon={<IconClockHour4 size={18} aria-hidden />}
          title="Not sealed yet"
          data-testid="seal-result"
        >
          No signed checkpoint covers this decision yet; the ledger seals new leaves within seconds. Check again shortly.
        </Alert>
      );
    case 'failed-to-fetch':
      return <ApiErrorAlert error={state.problem} title="The evidence could not be fetched, so nothing was verified" />;
    case 'done':
      return <Outcome outcome={state.outcome} verifierKey={state.verifierKey} />;
  }
}

function Outcome({ outcome, verifierKey }: { outcome: SealVerification; verifierKey: string }) {
  const failing = outcome.checks.find((c) => !c.ok);
  // name+key id+key: the first two, to compare with the key the auditor holds out of band (docs/ledger.md).
  const [keyName, keyId] = verifierKey.split('+');
  return (
    <Stack gap="sm">
      <Alert
        color={outcome.verified ? VERIFIED_GREEN : 'red.9'}
        variant="filled"
        icon={outcome.verified ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
        title={outcome.verified ? 'Verified' : 'Not verified'}
        data-testid="seal-result"
        role={outcome.verified ? 'status' : 'alert'}
      >
        {outcome.verified ? 'Every check passed in this browser.' : `Failed at: ${failing?.title}.`}
      </Alert>
      <List spacing="xs" listStyleType="none" data-testid="seal-checks">
        {outcome.checks.map((check) => (
          <List.Item
            key={check.name}
            data-check={check.name}
            data-ok={check.ok}
            icon={
              <ThemeIcon color={check.ok ? 'green' : 'red'} size={22} radius="xl" aria-hidden>
                {check.ok ? <IconCircleCheck size={16} /> : <IconCircleX size={16} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" fw={500}>
              {check.title}: {check.ok ? 'passed' : 'failed'}
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {check.detail}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" data-testid="seal-key">
        Against the key published at /.well-known/attest/ledger-key: {keyName}, key id <Code fz="xs">{keyId}</Code>. Compare it with the key
        you hold from outside this server.
      </Text>
    </Stack>
  );
}
