import { Navigate } from '@tanstack/react-router';
import { useQuery } from 'urql';
import { EmptyState, QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { versionLinkRoute } from './routes';

const VersionParentDocument = graphql(`
  query InventoryVersionParent($id: ID!, $model: Boolean!, $dataset: Boolean!, $automation: Boolean!) {
    modelVersion(id: $id) @include(if: $model) {
      id
      modelId
    }
    datasetVersion(id: $id) @include(if: $dataset) {
      id
      datasetId
    }
    automationVersion(id: $id) @include(if: $automation) {
      id
      automationId
    }
  }
`);

/** /inventory/<models|datasets|automations>/versions/$versionId: the version's parent page, with it selected. */
export function VersionLink() {
  const { kind, versionId } = versionLinkRoute.useParams();
  const known = kind === 'models' || kind === 'datasets' || kind === 'automations';
  const [result] = useQuery({
    query: VersionParentDocument,
    variables: { id: versionId, model: kind === 'models', dataset: kind === 'datasets', automation: kind === 'automations' },
    pause: !known,
  });
  if (!known) return <EmptyState title="No such inventory page">Versions are of models, datasets or automations.</EmptyState>;
  return (
    <QueryState result={result}>
      {(data) => {
        const search = { version: versionId };
        if (data.modelVersion)
          return <Navigate to="/inventory/models/$id" params={{ id: data.modelVersion.modelId }} search={search} replace />;
        if (data.datasetVersion)
          return <Navigate to="/inventory/datasets/$id" params={{ id: data.datasetVersion.datasetId }} search={search} replace />;
        if (data.automationVersion)
          return <Navigate to="/inventory/automations/$id" params={{ id: data.automationVersion.automationId }} search={search} replace />;
        return null;
      }}
    </QueryState>
  );
}
