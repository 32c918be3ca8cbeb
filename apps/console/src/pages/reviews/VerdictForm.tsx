import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { getHotkeyHandler, useHotkeys } from '@mantine/hooks';
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { ReviewDecisionMutation, ReviewVerdict } from '../../gql/graphql';
import { ReviewRefusalAlert } from './ReviewRefusalAlert';
import { reviewRefusalOf, type ReviewRefusal } from './review-errors';
import { ReviewDecisionDocument } from './review-queue.queries';
import { parseCorrectedOutput, RATIONALE_MAX, rationaleProblem, VERDICTS } from './verdict';

export type Reviewed = ReviewDecisionMutation['reviewDecision'];

interface VerdictFormProps {
  decisionId: string;
  /** The decision's output: the corrected output starts from it. */
  output: unknown;
  /** Someone else holds the item (or it is being claimed): the form shows but cannot be sent. */
  disabled: boolean;
  /** Who reviewed it, when the API says someone did first. */
  reviewerId: string | null | undefined;
  onReviewed: (decision: Reviewed) => void;
  /** The API refused the verdict (to refetch what changed: the holder, the review). */
  onRefused: (refusal: ReviewRefusal) => void;
}

/**
 * Approve, override (with a corrected output as JSON) or reject, with a rationale. The keys a, o and
 * r choose the verdict and move to the rationale; Ctrl+Enter (⌘+Enter) sends. The API decides;
 * its refusal shows here in words.
 */
export function VerdictForm({ decisionId, output, disabled, reviewerId, onReviewed, onRefused }: VerdictFormProps) {
  const [verdict, setVerdict] = useState<ReviewVerdict>('APPROVE');
  const [rationale, setRationale] = useState('');
  const [corrected, setCorrected] = useState(() => JSON.stringify(output ?? {}, null, 2));
  const [checked, setChecked] = useState(false);
  const [refusal, setRefusal] = useState<ReviewRefusal | null>(null);
  const [sent, send] = useMutation(ReviewDecisionDocument);
  const rationaleInput = useRef<HTMLTextAreaElement>(null);

  const choose = (value: ReviewVerdict) => {
    if (disabled) return;
    setVerdict(value);
    // After React shows the override editor, so the rationale keeps its place in the tab order.
    setTimeout(() => rationaleInput.current?.focus(), 0);
  };
  useHotkeys(VERDICTS.map((v) => [v.key, () => choose(v.value)]));

  const rationaleError = checked ? rationaleProblem(rationale) : null;
  const parsed = verdict === 'OVERRIDE' ? parseCorrectedOutput(corrected) : null;
  const correctedError = parsed && 'problem' in parsed ? parsed.problem : null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setChecked(true);
    if (disabled || sent.fetching || rationaleProblem(rationale) || correctedError) return;
    setRefusal(null);
    const result = await send({
      id: decisionId,
      verdict,
      rationale: rationale.trim(),
      correctedOutput: parsed && 'value' in parsed ? parsed.value : undefined,
    });
    if (result.data?.reviewDecision) onReviewed(result.data.reviewDecision);
    else if (result.error) {
      const why = reviewRefusalOf(result.error);
      setRefusal(why);
      onRefused(why);
    }
  };
  const sendKeys = getHotkeyHandler([['mod+Enter', () => void submit()]]);
  const chosen = VERDICTS.find((v) => v.value === verdict)!;

  return (
    <Paper withBorder p="sm" component="form" onSubmit={(e: FormEvent) => void submit(e)} aria-label="Verdict" data-testid="verdict-form">
      <Title order={2} size="h4" mb="xs">
        Verdict
      </Title>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="sm">
          <Radio.Group label="Your verdict" value={verdict} onChange={(v) => setVerdict(v)}>
            <Group gap="lg" mt={4}>
              {VERDICTS.map((v) => (
                <Radio key={v.value} value={v.value} label={v.label} aria-keyshortcuts={v.key} disabled={disabled} />
              ))}
            </Group>
          </Radio.Group>
          {verdict === 'OVERRIDE' && (
            <Textarea
              label="Corrected output (JSON)"
              description="Replaces the output; redacted like an output, then judged by the active policy pack."
              value={corrected}
              onChange={(e) => setCorrected(e.currentTarget.value)}
              onKeyDown={sendKeys}
              error={correctedError}
              autosize
              minRows={4}
              maxRows={16}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              required
            />
          )}
          <Textarea
            ref={rationaleInput}
            label="Rationale"
            description={`Why: 3 to ${RATIONALE_MAX.toLocaleString('en')} characters, kept with the review and in its audit event.`}
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
            onKeyDown={sendKeys}
            error={rationaleError}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={RATIONALE_MAX}
            required
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {disabled ? 'You may give a verdict once you hold this item.' : 'Ctrl+Enter sends.'}
            </Text>
            <Button type="submit" color={chosen.color} loading={sent.fetching} disabled={disabled}>
              {chosen.label}
            </Button>
          </Group>
        </Stack>
      </fieldset>
      {refusal && (
        <Stack mt="sm">
          <ReviewRefusalAlert refusal={refusal} reviewerId={reviewerId} />
        </Stack>
      )}
    </Paper>
  );
}
