import type { CompiledRedactionRules, RedactionFinding } from '../redaction/redact';
import { redact } from '../redaction/redact';
import type { StepRecord } from './explanation-steps';

/** The parts of a decision that may hold personal data, as one document: rule paths address it (`$.input.applicant.name`). */
export interface DecisionDocument {
  input: unknown;
  output: unknown;
  context: Record<string, unknown>;
  explanation: StepRecord['detail'][];
}

export interface RedactedDecision {
  document: DecisionDocument;
  findings: RedactionFinding[];
  /** Personal data the scan found in the output (path rules excluded: those mark expected fields). */
  outputPiiFindings: number;
}

/** Redacts the whole decision in one pass; findings name paths and detectors, never values. */
export function redactDecision(document: DecisionDocument, rules: CompiledRedactionRules): RedactedDecision {
  const { value, findings } = redact(document, rules);
  const outputPiiFindings = findings
    .filter((f) => f.detector !== 'path' && (f.path === '$.output' || f.path.startsWith('$.output.') || f.path.startsWith('$.output[')))
    .reduce((sum, f) => sum + f.count, 0);
  return { document: value as DecisionDocument, findings, outputPiiFindings };
}
