import { Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { useCan } from '../../auth/principal';
import { CopyableValue } from '../../components/CopyableValue';
import { EmptyState, QueryState } from '../../components/QueryState';
import { words } from '../../components/status';
import { Timestamp } from '../../components/Timestamp';
import { graphql } from '../../gql';
import { completenessWords } from './documentation';
import { DocumentDownloads } from './DocumentDownloads';

const CompletenessDocument = graphql(`
  query DocumentationCompleteness($automationVersionId: ID!) {
    documentationCompleteness(automationVersionId: $automationVersionId) {
      score
      sectionCount
      completeCount
      gaps {
        section
        missing
      }
    }
  }
`);

const StoredDocumentsDocument = graphql(`
  query StoredDocuments($subjectId: String!) {
    evidenceDocuments(subjectType: "AutomationVersion", subjectId: $subjectId) {
      id
      kind
      format
      fileName
      sha256
      byteSize
      generatedAt
      ledgerIndex
    }
  }
`);

/**
 * An automation version's technical documentation (EU AI Act Annex IV): how complete it is, each gap
 * named, the downloads (each generates, stores and seals a document), and the documents handed out so far.
 */
export function TechnicalDocumentationSection({ automationVersionId }: { automationVersionId: string }) {
  const can = useCan();
  const [completeness] = useQuery({ query: CompletenessDocument, variables: { automationVersionId }, requestPolicy: 'cache-and-network' });
  const [stored, refetchStored] = useQuery({
    query: StoredDocumentsDocument,
    variables: { subjectId: automationVersionId },
    pause: !can('read', 'EvidenceDocument'),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="documentation-title" data-testid="technical-documentation">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="documentation-title">
            Technical documentation (EU AI Act Annex IV)
          </Title>
          {can('create', 'TechnicalDocumentation') && (
            <DocumentDownloads
              automationVersionId={automationVersionId}
              onGenerated={() => refetchStored({ requestPolicy: 'network-only' })}
            />
          )}
        </Group>
        <QueryState result={completeness} loadingLabel="Checking the documentation…">
          {({ documentationCompleteness: c }) => (
            <Stack gap="xs">
              <Text size="sm" data-testid="completeness">
                Completeness: {completenessWords(c)}
              </Text>
              <Progress value={c.score * 100} aria-label="Documentation completeness" color={c.gaps.length === 0 ? 'teal' : 'orange'} />
              {c.gaps.length === 0 ? (
                <Text size="sm">Every section has its facts.</Text>
              ) : (
                <List size="sm" spacing={4} data-testid="documentation-gaps" aria-label="Gaps">
                  {c.gaps.map((g) => (
                    <List.Item key={g.section}>
                      <Text span fw={600} size="sm">
                        {g.section}:
                      </Text>{' '}
                      Gap: {g.missing}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          )}
        </QueryState>
        {can('read', 'EvidenceDocument') && (
          <Stack gap={4}>
            <Title order={4} size="h6">
              Documents handed out
            </Title>
            <QueryState result={stored} loadingLabel="Loading the stored documents…">
              {({ evidenceDocuments }) =>
                evidenceDocuments.length === 0 ? (
                  <EmptyState title="None yet">Each download is stored with its SHA-256 and sealed in the ledger.</EmptyState>
                ) : (
                  <Table striped withTableBorder data-testid="stored-documents">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Generated</Table.Th>
                        <Table.Th>Kind</Table.Th>
                        <Table.Th>Format</Table.Th>
                        <Table.Th>SHA-256</Table.Th>
                        <Table.Th style={{ textAlign: 'right' }}>Ledger index</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {evidenceDocuments.map((d) => (
                        <Table.Tr key={d.id}>
                          <Table.Td>
                            <Timestamp value={d.generatedAt} span />
                          </Table.Td>
                          <Table.Td>{words(d.kind)}</Table.Td>
                          <Table.Td>{d.format}</Table.Td>
                          <Table.Td>
                            <CopyableValue value={d.sha256} label={`SHA-256 of ${d.fileName}`} maxChars={16} />
                          </Table.Td>
                          <Table.Td style={{ textAlign: 'right' }}>{d.ledgerIndex ?? 'not sealed yet'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )
              }
            </QueryState>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
