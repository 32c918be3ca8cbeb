import { Alert, Box, Button, CopyButton, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CodeBlock } from '../../components/CodeBlock';
import { graphql } from '../../gql';

const IssueApiKeyDocument = graphql(`
  mutation IssueApiKey($input: IssueApiKeyInput!) {
    issueApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        prefix
      }
    }
  }
`);

const KeyHoldersDocument = graphql(`
  query KeyHolders {
    principals(first: 100) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/**
 * Issues a key, then shows its secret this once with a copy button: the API stores only a hash, so
 * closing the dialog loses it for good.
 */
export function IssueApiKeyModal({
  opened,
  principalId,
  onClose,
  onIssued,
}: {
  opened: boolean;
  principalId?: string;
  onClose: () => void;
  onIssued: () => void;
}) {
  const [holder, setHolder] = useState<string | null>(principalId ?? null);
  const [name, setName] = useState('');
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [issued, setIssued] = useState<{ secret: string; name: string } | null>(null);
  const [result, issue] = useMutation(IssueApiKeyDocument);
  const [holders] = useQuery({ query: KeyHoldersDocument, pause: !opened });

  const close = () => {
    setIssued(null);
    setName('');
    setExpiresAt(null);
    setError(undefined);
    onClose();
  };
  const submit = async () => {
    if (!holder) return;
    const input = { principalId: holder, name: name.trim(), expiresAt: expiresAt ? dayjs(expiresAt).toISOString() : undefined };
    const outcome = await issue({ input });
    if (outcome.error || !outcome.data) return setError(outcome.error);
    setIssued({ secret: outcome.data.issueApiKey.secret, name: outcome.data.issueApiKey.apiKey.name });
    onIssued();
  };

  if (issued)
    return (
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={opened}
        onClose={close}
        title={`API key "${issued.name}"`}
        closeOnClickOutside={false}
      >
        <Stack gap="sm">
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Store the key now">
            This is the only time the key is shown: Attest keeps only a hash of it. Anyone holding it acts as its principal.
          </Alert>
          <Box data-testid="issued-secret">
            <CodeBlock label="The new API key">{issued.secret}</CodeBlock>
          </Box>
          <Group justify="flex-end">
            <CopyButton value={issued.secret}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy the key'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>I have stored the key</Button>
          </Group>
        </Stack>
      </Modal>
    );

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={opened} onClose={close} title="Issue an API key">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label="Principal"
            description="The key authenticates as this principal, with its roles"
            required
            searchable
            data={(holders.data?.principals.edges ?? []).map(({ node }) => ({
              value: node.id,
              label: `${node.name} (${node.kind.toLowerCase()})`,
            }))}
            value={holder}
            onChange={setHolder}
          />
          <TextInput
            label="Name"
            description='What the key is for, e.g. "claims-triage prod"'
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <DateTimePicker
            label="Expires"
            description="Optional; the key never expires when left empty"
            clearable
            minDate={new Date()}
            value={expiresAt}
            onChange={setExpiresAt}
          />
          {error ? <ApiErrorAlert error={error} title="The key was not issued" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={result.fetching} disabled={!holder || !name.trim()}>
              Issue key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
