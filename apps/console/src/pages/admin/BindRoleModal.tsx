import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { ROLE_OPTIONS, roleWords } from './roles';

const BindRoleDocument = graphql(`
  mutation BindRole($input: BindRoleInput!) {
    bindRole(input: $input) {
      id
      role
    }
  }
`);

const BindableAutomationsDocument = graphql(`
  query BindableAutomations {
    automations(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** Binds a role to a principal; the service role needs the automation it acts for (the API checks both). */
export function BindRoleModal({
  principal,
  onClose,
  onBound,
}: {
  principal: { id: string; name: string } | null;
  onClose: () => void;
  onBound: () => void;
}) {
  const [role, setRole] = useState<Role | null>(null);
  const [automationId, setAutomationId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [result, bind] = useMutation(BindRoleDocument);
  const isService = role === 'SERVICE';
  const [automations] = useQuery({ query: BindableAutomationsDocument, pause: !isService });

  const close = () => {
    setRole(null);
    setAutomationId(null);
    setError(undefined);
    onClose();
  };
  const submit = async () => {
    if (!principal || !role) return;
    const outcome = await bind({ input: { principalId: principal.id, role, automationId: isService ? automationId : undefined } });
    if (outcome.error) return setError(outcome.error);
    onBound();
    close();
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={principal !== null}
      onClose={close}
      title={`Bind a role to ${principal?.name ?? ''}`}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label="Role"
            required
            data={ROLE_OPTIONS.map((r) => ({ value: r, label: roleWords(r) }))}
            value={role}
            onChange={(v) => setRole(v)}
            comboboxProps={{ withinPortal: true }}
          />
          {isService && (
            <Select
              label="Automation"
              description="A service role acts for one automation"
              required
              searchable
              data={(automations.data?.automations.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }))}
              value={automationId}
              onChange={setAutomationId}
            />
          )}
          <Text size="xs" c="dimmed">
            The role applies at once and the binding is audited. The access matrix tab shows what each role may do.
          </Text>
          {error ? <ApiErrorAlert error={error} title="The role was not bound" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={result.fetching} disabled={!role || (isService && !automationId)}>
              Bind role
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
