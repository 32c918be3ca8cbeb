import { Injectable } from '@nestjs/common';
import { recordAudit, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import { EvidenceDocumentRecordModel } from './evidence-document-record.model';
import type { EvidenceDocumentKind, EvidenceFileFormat } from './evidence-document.enums';
import type { GeneratedFile } from './generated-file.model';

/** What a caller stores: the file as handed out, and what it is about. */
export interface DocumentToStore {
  kind: EvidenceDocumentKind;
  subjectType: string;
  subjectId: string;
  format: EvidenceFileFormat;
  file: GeneratedFile;
  /** When it was generated (the date the document itself carries); now when not given. */
  generatedAt?: Date;
}

const RECORD_COLUMNS = `id, kind, subject_type AS "subjectType", subject_id AS "subjectId", format, media_type AS "mediaType",
  file_name AS "fileName", sha256, byte_size AS "byteSize", generated_by AS "generatedBy", generated_at AS "generatedAt"`;

/** How many stored documents of one subject a read returns at most (newest first). */
export const DOCUMENTS_PER_SUBJECT = 200;

/**
 * The store of every document the evidence context generates (docs/evidence.md, "Stored documents"):
 * append-only, each row a ledger leaf committing to its SHA-256. Callers store in their own
 * transaction, with the audit event of the generation, so a document is stored, sealed and audited
 * together or not at all.
 */
@Injectable()
export class EvidenceDocumentStore {
  constructor(private readonly db: TenantDb) {}

  /** Stores the file and audits `evidence_document.generated`, in the caller's transaction. */
  async store(m: EntityManager, actor: AuthenticatedPrincipal, doc: DocumentToStore): Promise<EvidenceDocumentRecordModel> {
    const { file } = doc;
    const [row]: EvidenceDocumentRecordModel[] = await m.query(
      `INSERT INTO evidence_documents (tenant_id, kind, subject_type, subject_id, format, media_type, file_name, sha256, byte_size, content, generated_by, generated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, clock_timestamp())) RETURNING ${RECORD_COLUMNS}`,
      [
        actor.tenantId,
        doc.kind,
        doc.subjectType,
        doc.subjectId,
        doc.format,
        file.mediaType,
        file.fileName,
        file.sha256,
        file.byteSize,
        Buffer.from(file.contentBase64, 'base64'),
        actor.principalId,
        doc.generatedAt ?? null,
      ],
    );
    await recordAudit(m, actor, {
      action: 'evidence_document.generated',
      subjectType: 'EvidenceDocument',
      subjectId: row.id,
      after: {
        subjectType: doc.subjectType,
        subjectId: doc.subjectId,
        kind: doc.kind,
        format: doc.format,
        fileName: file.fileName,
        sha256: file.sha256,
        byteSize: file.byteSize,
      },
    });
    return row;
  }

  /** The stored documents of one subject, newest first (the caller has checked it may read the subject). */
  forSubject(actor: AuthenticatedPrincipal, subjectType: string, subjectId: string): Promise<EvidenceDocumentRecordModel[]> {
    return this.db.transaction(actor.tenantId, (m) =>
      m.query(
        `SELECT ${RECORD_COLUMNS} FROM evidence_documents WHERE subject_type = $1 AND subject_id = $2
          ORDER BY generated_at DESC, id DESC LIMIT ${DOCUMENTS_PER_SUBJECT}`,
        [subjectType, subjectId],
      ),
    );
  }
}
