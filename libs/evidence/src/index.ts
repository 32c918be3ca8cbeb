export { EvidenceModule, EVIDENCE_RESOLVERS } from './evidence.module';
