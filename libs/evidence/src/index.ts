export { EvidenceModule, EVIDENCE_RESOLVERS } from './evidence.module';
export * from './rendering';
export * from './files/generated-file.model';
