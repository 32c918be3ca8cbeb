export * from './policy.types';
export * from './policy.errors';
export {
  FACT_CATALOGUE,
  PII_CLASSES,
  MONITOR_FACT_METRICS,
  MONITOR_STATES,
  factDefinition,
  resolveFacts,
  sampleBucket,
  type FactDefinition,
  type ResolvedFacts,
} from './fact-catalogue';
export { isPackName, loadPolicyPack, packFolders, packFromYamlFiles, packTestsDir, parsePolicyFile } from './pack-loader';
export { packDigest } from './pack-digest';
// The YAML reader, for tools that point at a line of a policy file (policy-review's coverage).
export { asMap, YamlSource } from './yaml-source';
export { conditionSentence, factSentence } from './condition-sentence';
export { combineEffects } from './combine-effects';
export { referencedFacts, withReferenced, type PolicyEvaluator } from './evaluation';
export { CompiledEvaluator, compileCondition } from './compiled-evaluator';
export { OracleEvaluator } from './oracle-evaluator';
export { loadPackTests, runPackTests, describeFailure, uncoveredPolicies, type PackTestCase, type PackTestResult } from './pack-tests';
export { PolicyPacksModule, POLICY_ENTITIES, POLICY_RESOLVERS } from './packs/policy-packs.module';
export { PolicyPacksService } from './packs/policy-packs.service';
