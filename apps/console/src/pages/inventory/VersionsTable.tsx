import { AnchorLink } from '../../components/AnchorLink';
import { DataTable, type DataTableColumn } from 'mantine-datatable';

export type DetailPath = '/inventory/models/$id' | '/inventory/datasets/$id' | '/inventory/automations/$id';

/**
 * A record's versions (newest first); each version number links to the same page with that version
 * selected (`?version=`), so a selected version is a link too.
 */
export function VersionsTable<T extends { id: string; version: string }>({
  to,
  parentId,
  versions,
  selectedId,
  columns,
}: {
  to: DetailPath;
  parentId: string;
  versions: T[];
  selectedId: string | undefined;
  columns: DataTableColumn<T>[];
}) {
  return (
    <DataTable
      aria-label="Versions"
      withTableBorder
      records={versions}
      columns={[
        {
          accessor: 'version',
          title: 'Version',
          render: (v) => (
            <AnchorLink
              to={to}
              params={{ id: parentId }}
              search={{ version: v.id }}
              size="sm"
              aria-current={v.id === selectedId ? 'true' : undefined}
              fw={v.id === selectedId ? 700 : undefined}
            >
              {v.version}
              {v.id === selectedId && ' (shown below)'}
            </AnchorLink>
          ),
        },
        ...columns,
      ]}
    />
  );
}
