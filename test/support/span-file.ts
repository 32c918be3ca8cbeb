import { existsSync, readFileSync } from 'node:fs';
import type { SpanLine } from '../../libs/observability/src';

export const SPAN_KIND = { INTERNAL: 0, SERVER: 1, CLIENT: 2, PRODUCER: 3, CONSUMER: 4 } as const;

/** The spans the processes started with ATTEST_TRACES_FILE=`path` have ended so far. */
export function readSpans(path: string): SpanLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SpanLine);
}

/** A W3C traceparent of a caller's sampled span, and its parts. */
export function callerTraceparent(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}

/** The tree under `rootId`, one span a line, indented by depth: what a failing assertion shows, and docs/monitoring.md. */
export function spanTree(spans: SpanLine[], rootParentId: string): string {
  const lines: string[] = [];
  const walk = (parentId: string, depth: number) => {
    const children = spans
      .filter((s) => s.parentSpanId === parentId)
      .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
    for (const span of children) {
      lines.push(`${'  '.repeat(depth)}${span.name} [${span.service}]`);
      walk(span.spanId, depth + 1);
    }
  };
  walk(rootParentId, 0);
  return lines.join('\n');
}
