import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceDocumentKind, EvidenceFileFormat } from './evidence-document.enums';

@ObjectType('EvidenceDocumentRecord', {
  description: 'A document Attest generated and stored as handed out: its digest is sealed in the ledger (ledgerIndex)',
})
export class EvidenceDocumentRecordModel {
  @Field(() => ID, { description: "The stored document's id; also the factId of its evidence_document ledger leaf" }) id: string;
  @Field(() => EvidenceDocumentKind, { description: 'What the document is' }) kind: EvidenceDocumentKind;
  @Field({ description: 'What the document is about: AutomationVersion, ModelVersion, Decision, …' }) subjectType: string;
  @Field({ description: 'The id of what the document is about' }) subjectId: string;
  @Field(() => EvidenceFileFormat, { description: "The file's format" }) format: EvidenceFileFormat;
  @Field({ description: "The file's media type" }) mediaType: string;
  @Field({ description: 'The file name it was handed out under' }) fileName: string;
  @Field({ description: "SHA-256 of the file's bytes, lowercase hex (the ledger leaf commits to it)" }) sha256: string;
  @Field(() => Int, { description: 'The size of the file in bytes' }) byteSize: number;
  @Field(() => ID, { nullable: true, description: 'The principal who generated it; null for the system' }) generatedBy: string | null;
  @Field({ description: 'When it was generated, ISO 8601 (UTC)' }) generatedAt: Date;
}
