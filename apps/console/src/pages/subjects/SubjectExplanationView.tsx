import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeHtml, IconFileTypePdf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CopyableValue } from '../../components/CopyableValue';
import { saveInlineFile, type InlineFile } from '../../components/save-file';
import { Timestamp } from '../../components/Timestamp';
import { ExplainedDecisionCard } from './ExplainedDecisionCard';
import type { SubjectExplanation } from './subject-explanation.queries';

/** The explanation as the person will read it: its documents to hand over, then each decision. */
export function SubjectExplanationView({ explanation, onContested }: { explanation: SubjectExplanation; onContested: () => void }) {
  return (
    <Stack gap="md" data-testid="subject-explanation">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {explanation.title}
          </Title>
          <Text size="sm">{explanation.intro}</Text>
          <Text size="xs" c="dimmed">
            Generated <Timestamp value={explanation.generatedAt} size="xs" /> in {explanation.locale}.
          </Text>
          <Group gap="sm" mt="xs">
            <DownloadButton file={explanation.pdf} label="Download PDF" icon={<IconFileTypePdf size={16} aria-hidden />} />
            <DownloadButton file={explanation.html} label="Download HTML" icon={<IconFileTypeHtml size={16} aria-hidden />} />
          </Group>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              SHA-256, what the recipient recomputes: PDF
            </Text>
            <CopyableValue value={explanation.pdf.sha256} label="PDF SHA-256" maxChars={16} />
            <Text size="xs" c="dimmed">
              HTML
            </Text>
            <CopyableValue value={explanation.html.sha256} label="HTML SHA-256" maxChars={16} />
          </Group>
        </Stack>
      </Paper>
      {explanation.truncated && (
        <Alert color="yellow" variant="light" title="Only the newest 100 decisions">
          More decisions are about this person than one explanation holds; the API explains an older one by its id.
        </Alert>
      )}
      {explanation.decisions.map((decision) => (
        <ExplainedDecisionCard key={decision.decisionId} decision={decision} onContested={onContested} />
      ))}
    </Stack>
  );
}

function DownloadButton({ file, label, icon }: { file: InlineFile & { byteSize: number }; label: string; icon: ReactNode }) {
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={icon}
      onClick={() => saveInlineFile(file)}
      title={`${file.fileName}, ${file.byteSize.toLocaleString('en')} bytes`}
    >
      {label}
    </Button>
  );
}
