import { Foundation1764057600000 } from './1764057600000-Foundation';
import { PolicyPacks1764144000000 } from './1764144000000-PolicyPacks';
import { AutomationVersionDomain1764144100000 } from './1764144100000-AutomationVersionDomain';
import { LifecycleApprovals1764144200000 } from './1764144200000-LifecycleApprovals';
import { Decisions1764230400000 } from './1764230400000-Decisions';
import { Webhooks1764230500000 } from './1764230500000-Webhooks';
import { DecisionIngest1764230600000 } from './1764230600000-DecisionIngest';
import { Ledger1764316800000 } from './1764316800000-Ledger';
import { Lineage1764403200000 } from './1764403200000-Lineage';
import { DecisionCounts1764489600000 } from './1764489600000-DecisionCounts';
import { OpenLineageExportJobs1764489700000 } from './1764489700000-OpenLineageExportJobs';
import { PolicySimulations1764576000000 } from './1764576000000-PolicySimulations';
import { LedgerFactLookup1764662450000 } from './1764662450000-LedgerFactLookup';
import { ImmutableRegistryVersions1764748800000 } from './1764748800000-ImmutableRegistryVersions';
import { KeyedLedgerDigests1764748900000 } from './1764748900000-KeyedLedgerDigests';
import { ForceRowLevelSecurity1764749000000 } from './1764749000000-ForceRowLevelSecurity';
import { LedgerVerifications1764749100000 } from './1764749100000-LedgerVerifications';
import { PublishedReads1764835200000 } from './1764835200000-PublishedReads';
import { LineagePublishedReads1764836400000 } from './1764836400000-LineagePublishedReads';
import { ConsoleReadIndexes1764921600000 } from './1764921600000-ConsoleReadIndexes';
import { HumanSignIn1764925200000 } from './1764925200000-HumanSignIn';
import { MonitoringStatistics1765010000000 } from './1765010000000-MonitoringStatistics';
import { DriftMonitors1765010100000 } from './1765010100000-DriftMonitors';
import { MonitorWebhookEvents1765010200000 } from './1765010200000-MonitorWebhookEvents';
import { MonitoringReads1765094400000 } from './1765094400000-MonitoringReads';
import { MonitoringByOccurrence1765180800000 } from './1765180800000-MonitoringByOccurrence';
import { MonitorStateReads1765180900000 } from './1765180900000-MonitorStateReads';
import { ReviewWorkflow1765267200000 } from './1765267200000-ReviewWorkflow';
import { SaltedLedgerCommitments1765353600000 } from './1765353600000-SaltedLedgerCommitments';
import { EvidenceDocuments1765353700000 } from './1765353700000-EvidenceDocuments';

/** Every migration, in order. Listed explicitly so the same list runs from source and from dist. */
export const MIGRATIONS = [
  Foundation1764057600000,
  PolicyPacks1764144000000,
  AutomationVersionDomain1764144100000,
  LifecycleApprovals1764144200000,
  Decisions1764230400000,
  Webhooks1764230500000,
  DecisionIngest1764230600000,
  Ledger1764316800000,
  Lineage1764403200000,
  DecisionCounts1764489600000,
  OpenLineageExportJobs1764489700000,
  PolicySimulations1764576000000,
  LedgerFactLookup1764662450000,
  ImmutableRegistryVersions1764748800000,
  KeyedLedgerDigests1764748900000,
  ForceRowLevelSecurity1764749000000,
  LedgerVerifications1764749100000,
  PublishedReads1764835200000,
  LineagePublishedReads1764836400000,
  ConsoleReadIndexes1764921600000,
  HumanSignIn1764925200000,
  MonitoringStatistics1765010000000,
  DriftMonitors1765010100000,
  MonitorWebhookEvents1765010200000,
  MonitoringReads1765094400000,
  MonitoringByOccurrence1765180800000,
  MonitorStateReads1765180900000,
  ReviewWorkflow1765267200000,
  SaltedLedgerCommitments1765353600000,
  EvidenceDocuments1765353700000,
];
