export { EvidenceModule, EVIDENCE_RESOLVERS } from './evidence.module';
export * from './rendering';
export * from './files/generated-file.model';
export { verifyEvidencePack, type PackTrust } from './packs/verify/verify-pack';
export type { PackCheck, PackVerification } from './packs/verify/pack-checks';
export { PackInputError } from './packs/pack-zip';
export * from './packs/pack-layout';
