/**
 * The part of the SARIF 2.1.0 object model that Attest writes (OASIS SARIF 2.1.0, section numbers
 * in brackets). Kept to what we emit so the compiler catches a misspelt property.
 */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** [§3.11] */
export interface SarifMessage {
  text: string;
}

/** [§3.4] A `uri` relative to `uriBaseId`, or a base that is only described. */
export interface SarifArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  description?: SarifMessage;
}

/** [§3.28, §3.29, §3.30] */
export interface SarifLocation {
  physicalLocation: {
    artifactLocation: SarifArtifactLocation;
    region?: { startLine: number };
  };
}

/** [§3.27] */
export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
}

/** [§3.49] */
export interface SarifReportingDescriptor {
  id: string;
  shortDescription: { text: string };
}

/** [§3.14] */
export interface SarifRun {
  tool: {
    driver: { name: string; version: string; informationUri: string; rules: SarifReportingDescriptor[] };
  };
  originalUriBaseIds: Record<string, SarifArtifactLocation>;
  results: SarifResult[];
}

/** [§3.13] */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
