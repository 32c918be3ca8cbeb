import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

/**
 * "Are you sure?" for an action that takes effect at once (unbinding a role, revoking a key): what
 * will happen in words, the API's refusal in place, and the action named on its button.
 */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  opened,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  opened: boolean;
  busy: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        <Text size="sm">{children}</Text>
        {error ? <ApiErrorAlert error={error} title={`${confirmLabel} was refused`} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red.9" loading={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
