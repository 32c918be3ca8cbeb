import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ContestDecisionDocument } from './subject-explanation.queries';

const REASON_MAX = 2000;
const CONTACT_MAX = 320;

/**
 * The person's request for human review, relayed by the officer: their reason in their words and,
 * optionally, how to reach them. The API decides (CONFLICT while a contest is open); its refusal
 * shows here with its code.
 */
export function ContestModal({
  decisionId,
  opened,
  onClose,
  onContested,
}: {
  decisionId: string;
  opened: boolean;
  onClose: () => void;
  onContested: () => void;
}) {
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState('');
  const [error, setError] = useState<unknown>();
  const [sent, send] = useMutation(ContestDecisionDocument);

  const close = () => {
    setReason('');
    setContact('');
    setError(undefined);
    onClose();
  };
  const submit = async () => {
    setError(undefined);
    const outcome = await send({ decisionId, reason: reason.trim(), contact: contact.trim() || undefined });
    if (outcome.error) return setError(outcome.error);
    setReason('');
    setContact('');
    onContested();
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={opened} onClose={close} title="Contest on their behalf">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            The decision goes back to the review queue as a priority item; a reviewer answers it and the explanation shows the outcome.
          </Text>
          <Textarea
            label="Their reason"
            description={`In the person's words, 1 to ${REASON_MAX.toLocaleString('en')} characters; reviewers read it (redacted by the automation's rules).`}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={REASON_MAX}
            required
            data-autofocus
          />
          <TextInput
            label="How to reach them (optional)"
            description="An e-mail address or a phone number for the outcome; personal data, shown only to roles that may read decision inputs."
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            maxLength={CONTACT_MAX}
            autoComplete="off"
          />
          {error ? <ApiErrorAlert error={error} title="The contest was not recorded" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={sent.fetching} disabled={!reason.trim()}>
              Contest
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
