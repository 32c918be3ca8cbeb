/**
 * OpenLineage RunEvents written from the spec (2-0-2) and its facet schemas, as an Airflow task
 * training a model would send them: for the validator's tests and the ingest's end-to-end story.
 */
const PRODUCER = 'https://github.com/apache/airflow/tree/providers-openlineage/1.8.0';
const facet = (name: string, body: Record<string, unknown>) => ({
  _producer: PRODUCER,
  _schemaURL: `https://openlineage.io/spec/facets/1-0-0/${name}.json#/$defs/${name}`,
  ...body,
});

export interface TrainingRun {
  runId: string;
  /** The registered dataset version's source URI the run reads (namespace + name). */
  input: { namespace: string; name: string; digest?: string };
  /** Where the trained model lands (the model version's artifact URI). */
  output: { namespace: string; name: string };
}

export function runEvent(eventType: string | undefined, run: TrainingRun, eventTime = '2026-12-01T10:00:00.000Z'): Record<string, unknown> {
  return {
    ...(eventType === undefined ? {} : { eventType }),
    eventTime,
    producer: PRODUCER,
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: {
      runId: run.runId,
      facets: { nominalTime: facet('NominalTimeRunFacet', { nominalStartTime: eventTime }) },
    },
    job: {
      namespace: 'airflow-prod',
      name: 'claims_severity.train_model',
      facets: { ownership: facet('OwnershipJobFacet', { owners: [{ name: 'team:claims-ml', type: 'MAINTAINER' }] }) },
    },
    inputs: [
      {
        namespace: run.input.namespace,
        name: run.input.name,
        facets: {
          schema: facet('SchemaDatasetFacet', {
            fields: [
              { name: 'claim_id', type: 'STRING' },
              { name: 'amount', type: 'DECIMAL' },
            ],
          }),
          dataSource: facet('DatasourceDatasetFacet', { name: run.input.namespace, uri: `${run.input.namespace}/${run.input.name}` }),
          ...(run.input.digest ? { version: facet('DatasetVersionDatasetFacet', { datasetVersion: run.input.digest }) } : {}),
        },
        inputFacets: { dataQualityMetrics: facet('DataQualityMetricsInputDatasetFacet', { rowCount: 182_000, columnMetrics: {} }) },
      },
    ],
    outputs: [
      {
        namespace: run.output.namespace,
        name: run.output.name,
        facets: {
          columnLineage: facet('ColumnLineageDatasetFacet', {
            fields: { severity: { inputFields: [{ namespace: run.input.namespace, name: run.input.name, field: 'amount' }] } },
          }),
        },
        outputFacets: { outputStatistics: facet('OutputStatisticsOutputDatasetFacet', { rowCount: 1, size: 1_048_576 }) },
      },
    ],
  };
}
