import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** An id, digest or hash in monospace with a copy button; long values are shortened, never the copy. */
export function CopyableValue({ value, label, maxChars = 24 }: { value: string; label: string; maxChars?: number }) {
  const shown = value.length > maxChars ? `${value.slice(0, maxChars - 1)}…` : value;
  return (
    <Group gap={4} wrap="nowrap">
      <Code title={value}>{shown}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy the ${label}`}>
            <ActionIcon variant="subtle" size="sm" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`Copy the ${label}`}>
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
