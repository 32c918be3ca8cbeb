import { graphql } from '../../gql';

/** The monitors that need attention, named by their automation and version (issue 16: a crossing is a line here). */
export const DriftAlertsDocument = graphql(`
  query DriftAlerts {
    monitors(states: [ALERT, WARN]) {
      id
      metric
      state
      value
      warnAt
      alertAt
      stateSince
      automationId
      automationVersionId
      automation {
        id
        key
        name
      }
      automationVersion {
        id
        version
      }
    }
  }
`);
