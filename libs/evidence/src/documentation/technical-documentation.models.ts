import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { FromQueryEnum } from '@attest/core';
import { EvidenceDocumentRecordModel } from '../files/evidence-document-record.model';
import { DocumentFormat } from '../files/evidence-document.enums';
import { GeneratedFile } from '../files/generated-file.model';

@ObjectType('DocumentationGap', { description: 'A section of a document that lacks facts, and what is missing' })
export class DocumentationGapModel {
  @Field({ description: "The section's heading" }) section: string;
  @Field({ description: 'What is missing, in words' }) missing: string;
}

@ObjectType('DocumentationCompleteness', {
  description: 'How complete the technical documentation is: sections with all their facts / sections, and the gaps named',
})
export class DocumentationCompletenessModel {
  @Field(() => Float, { description: 'Complete sections / sections, from 0 to 1' }) score: number;
  @Field(() => Int, { description: 'How many sections are counted' }) sectionCount: number;
  @Field(() => Int, { description: 'How many of them have all their facts' }) completeCount: number;
  @Field(() => [DocumentationGapModel], { description: 'Each section that lacks facts, in document order' }) gaps: DocumentationGapModel[];
}

@ObjectType('GeneratedDocument', {
  description: 'A document just generated: the file, its stored record (sealed in the ledger) and its completeness',
})
export class GeneratedDocumentModel {
  @Field(() => GeneratedFile, { description: 'The file, inline' }) file: GeneratedFile;
  @Field(() => EvidenceDocumentRecordModel, { description: 'The stored record of the file, with its ledger index once sequenced' })
  record: EvidenceDocumentRecordModel;
  @Field(() => DocumentationCompletenessModel, { description: 'Which sections lack facts' }) completeness: DocumentationCompletenessModel;
}

@InputType({ description: 'Whose technical documentation: exactly one of automationVersionId and modelVersionId' })
export class TechnicalDocumentationInput {
  @Field(() => ID, { nullable: true, description: 'An automation version' })
  @IsOptional()
  @IsUUID()
  automationVersionId?: string;

  @Field(() => ID, { nullable: true, description: 'A model version' })
  @IsOptional()
  @IsUUID()
  modelVersionId?: string;

  @Field(() => DocumentFormat, { description: 'The file format' })
  @FromQueryEnum(DocumentFormat)
  @IsEnum(DocumentFormat)
  format: DocumentFormat;
}

@InputType({ description: "A model version's model card" })
export class ModelCardInput {
  @Field(() => ID, { description: 'The model version' })
  @IsUUID()
  modelVersionId: string;

  @Field(() => DocumentFormat, { description: 'The file format' })
  @FromQueryEnum(DocumentFormat)
  @IsEnum(DocumentFormat)
  format: DocumentFormat;
}

@ArgsType()
export class DocumentationCompletenessArgs {
  @Field(() => ID, { nullable: true, description: 'An automation version' })
  @IsOptional()
  @IsUUID()
  automationVersionId?: string;

  @Field(() => ID, { nullable: true, description: 'A model version' })
  @IsOptional()
  @IsUUID()
  modelVersionId?: string;
}
