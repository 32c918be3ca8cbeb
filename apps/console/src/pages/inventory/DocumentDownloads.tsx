import { Button, Group, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { saveInlineFile } from '../../components/save-file';
import { graphql } from '../../gql';
import type { DocumentFormat } from '../../gql/graphql';
import { DOCUMENT_FORMATS } from './documentation';

const GenerateDocumentation = graphql(`
  mutation GenerateTechnicalDocumentation($input: TechnicalDocumentationInput!) {
    generateTechnicalDocumentation(input: $input) {
      file {
        fileName
        mediaType
        contentBase64
      }
    }
  }
`);

/**
 * One button per format: each generates the document (the mutation stores it, seals its digest and
 * audits it) and saves the file. A mutation rather than a download link: a link that writes could be
 * followed from another site with the session cookie.
 */
export function DocumentDownloads({ automationVersionId, onGenerated }: { automationVersionId: string; onGenerated: () => void }) {
  const [generating, setGenerating] = useState<DocumentFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, generate] = useMutation(GenerateDocumentation);
  const download = async (format: DocumentFormat) => {
    setGenerating(format);
    setError(null);
    const result = await generate({ input: { automationVersionId, format } });
    setGenerating(null);
    if (result.error || !result.data) return setError(result.error ?? new Error('The API returned no document'));
    saveInlineFile(result.data.generateTechnicalDocumentation.file);
    onGenerated();
  };
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs" aria-label="Download the technical documentation" role="group">
        {DOCUMENT_FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            onClick={() => void download(format)}
            loading={generating === format}
            disabled={generating !== null && generating !== format}
            leftSection={<IconDownload size={16} aria-hidden />}
            variant="default"
            size="xs"
          >
            {label}
          </Button>
        ))}
      </Group>
      {error !== null && <ApiErrorAlert error={error} title="The documentation was not generated" />}
    </Stack>
  );
}
