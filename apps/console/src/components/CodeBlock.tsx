import { Code } from '@mantine/core';

/**
 * Preformatted text (stored JSON, a prompt) that may scroll sideways: focusable, so that a keyboard
 * can scroll it too (axe's scrollable-region-focusable), and named for screen readers.
 */
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <Code block tabIndex={0} aria-label={label}>
      {children}
    </Code>
  );
}
