import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { graphql } from '../../gql';
import type { PrincipalKind } from '../../gql/graphql';

const CreatePrincipalDocument = graphql(`
  mutation CreatePrincipal($input: CreatePrincipalInput!) {
    createPrincipal(input: $input) {
      id
      name
    }
  }
`);

/** A new person or service, with no role yet (bound next); the API validates the name and e-mail. */
export function CreatePrincipalModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const [kind, setKind] = useState<PrincipalKind>('HUMAN');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [result, create] = useMutation(CreatePrincipalDocument);
  const [error, setError] = useState<unknown>();

  const close = () => {
    setName('');
    setEmail('');
    setError(undefined);
    onClose();
  };
  const submit = async () => {
    const input = { kind, name: name.trim(), email: kind === 'HUMAN' && email.trim() ? email.trim() : undefined };
    const outcome = await create({ input });
    if (outcome.error) return setError(outcome.error);
    onCreated();
    close();
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={opened} onClose={close} title="Create a principal">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="principal-kind-label">
              Kind
            </Text>
            <SegmentedControl
              aria-labelledby="principal-kind-label"
              value={kind}
              onChange={(v) => setKind(v)}
              data={[
                { value: 'HUMAN', label: 'Person' },
                { value: 'SERVICE', label: 'Service' },
              ]}
            />
          </Stack>
          <TextInput
            label="Name"
            description="Unique in the tenant: a person's handle or a service's name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          {kind === 'HUMAN' && <TextInput label="E-mail" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />}
          <Text size="xs" c="dimmed">
            The principal has no role until you bind one.
          </Text>
          {error ? <ApiErrorAlert error={error} title="The principal was not created" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={result.fetching} disabled={!name.trim()}>
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
