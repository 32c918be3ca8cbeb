import { Stack, Title } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import type { ReactNode } from 'react';
import { sentence } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/QueryState';
import { Timestamp } from '../../components/Timestamp';
import { VersionsTable, type DetailPath } from './VersionsTable';

interface RegistryRecord {
  id: string;
  name: string;
  description?: string | null;
  owner?: { name: string } | null;
  createdAt: string;
}

/**
 * A model's, dataset's or automation's page: its header (description, owner, registration), its
 * versions (each a link selecting it), then the selected version's panel: the newest when none is.
 */
export function RecordWithVersions<T extends { id: string; version: string }>({
  title,
  record,
  lead,
  to,
  versions,
  selectedVersion,
  noVersions,
  columns,
  panel,
}: {
  title: string;
  record: RegistryRecord;
  /** What the header says before the description (an automation's key). */
  lead?: ReactNode;
  to: DetailPath;
  versions: T[];
  /** The version the address selects (`?version=`). */
  selectedVersion: string | undefined;
  /** What to say when it has no version yet: who registers them, and how. */
  noVersions: string;
  columns: DataTableColumn<T>[];
  panel: (versionId: string) => ReactNode;
}) {
  const selectedId = selectedVersion ?? versions[0]?.id;
  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={
          <>
            {lead}
            {sentence(record.description)} Owned by {record.owner?.name ?? 'someone you may not see'}; registered{' '}
            <Timestamp value={record.createdAt} span />.
          </>
        }
      />
      <Stack gap="xs" component="section" aria-labelledby="versions-title">
        <Title order={2} size="h4" id="versions-title">
          Versions
        </Title>
        {versions.length === 0 ? (
          <EmptyState title="No versions yet">{noVersions}</EmptyState>
        ) : (
          <VersionsTable to={to} parentId={record.id} versions={versions} selectedId={selectedId} columns={columns} />
        )}
      </Stack>
      {selectedId && panel(selectedId)}
    </Stack>
  );
}
