import { graphql } from '../../gql';

/** A version's drift monitors with their last state (docs/monitoring.md). */
export const VersionMonitorsDocument = graphql(`
  query VersionMonitors($automationVersionId: ID!) {
    monitors(automationVersionId: $automationVersionId) {
      id
      metric
      state
      value
      warnAt
      alertAt
      windowDays
      referenceDecisions
      referenceFrom
      referenceTo
      evaluatedAt
      stateSince
    }
  }
`);

/** One monitor's value per UTC day, for its chart. */
export const MonitorSeriesDocument = graphql(`
  query MonitorSeries($automationVersionId: ID!, $metric: MonitorMetric!, $from: String!, $to: String!) {
    monitorSeries(automationVersionId: $automationVersionId, metric: $metric, from: $from, to: $to) {
      day
      value
      state
    }
  }
`);
