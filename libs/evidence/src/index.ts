export { EvidenceModule, EVIDENCE_RESOLVERS } from './evidence.module';
export * from './rendering';
export * from './files/generated-file.model';
export { EvidenceDocumentStore, type DocumentToStore } from './files/evidence-document-store.service';
export { EvidenceDocumentRecordModel } from './files/evidence-document-record.model';
export { DocumentFormat, EvidenceDocumentKind, EvidenceFileFormat } from './files/evidence-document.enums';
export { renderDocument, safeFileName, STORED_FORMAT } from './files/render-document';
