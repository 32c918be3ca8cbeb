import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AttestError, ErrorCode, recordAudit, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { LedgerOpenings, OPENABLE_KINDS, type FactOpenings, type FactProofs, type OpenableKind, type ProvedFact } from '@attest/ledger';
import { PACK_FILES, type PackFact, type PackManifest } from './pack-layout';
import { zipFiles } from './pack-zip';
import type { BuiltPack } from './pack-layout';

export const packJson = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What the export's audit event names: the pack's subject and what it holds. */
export interface ExportNote {
  subjectType: string;
  subjectId: string;
  after: Record<string, unknown>;
}

/**
 * The steps every pack kind shares after gathering: the openings of the disclosed fields, the
 * ledger files, the manifest with each file's digest, the zip, and the `evidence.exported` audit event.
 */
@Injectable()
export class PackAssembly {
  constructor(
    private readonly db: TenantDb,
    private readonly openings: LedgerOpenings,
  ) {}

  /** Refuses a pack whose required facts are not all in the latest checkpoint (audit events may be left out instead). */
  requireSealed(proved: FactProofs, what: string): void {
    const required = proved.unsealed.filter((r) => r.kind !== 'audit_event');
    if (required.length > 0) {
      throw new AttestError(
        ErrorCode.CONFLICT,
        `${what} facts are not all sealed in the latest checkpoint yet (${[...new Set(required.map((r) => r.kind))].join(', ')}): export again after the next checkpoint`,
      );
    }
  }

  /** Each fact with the openings of the fields listed for its kind (ledger format 3); other fields stay closed. */
  withOpenings(tenantId: string, facts: ProvedFact[], disclosed: Partial<Record<OpenableKind, string[]>>): Promise<PackFact[]> {
    return this.db.transaction(tenantId, async (m) => {
      const byKind = new Map<OpenableKind, Map<string, FactOpenings | null>>();
      for (const kind of OPENABLE_KINDS) {
        const ids = facts.filter((f) => f.kind === kind).map((f) => f.factId);
        if (ids.length > 0 && disclosed[kind]) byKind.set(kind, await this.openings.openingsOfEach(m, kind, ids));
      }
      return facts.map((fact) => {
        const openings = byKind.get(fact.kind as OpenableKind)?.get(fact.factId);
        if (!openings) return fact;
        const allowed = disclosed[fact.kind as OpenableKind] ?? [];
        return { ...fact, openings: Object.fromEntries(Object.entries(openings).filter(([field]) => allowed.includes(field))) };
      });
    });
  }

  /** The ledger's files of a pack: the checkpoint, the key, and every fact. */
  ledgerFiles(proved: FactProofs, facts: PackFact[]): [string, Buffer][] {
    return [
      [PACK_FILES.checkpoint, packJson({ note: proved.checkpoint.note })],
      [PACK_FILES.key, packJson(proved.key)],
      [PACK_FILES.facts, packJson(facts)],
    ];
  }

  /** The manifest over the files, the zip, and the export's audit event. */
  async finish(
    actor: AuthenticatedPrincipal,
    described: Omit<PackManifest, 'files'>,
    files: Map<string, Buffer>,
    fileName: string,
    note: ExportNote,
  ): Promise<BuiltPack> {
    const manifest: PackManifest = { ...described, files: Object.fromEntries([...files].map(([path, bytes]) => [path, sha256(bytes)])) };
    const bytes = zipFiles(new Map([[PACK_FILES.manifest, packJson(manifest)], ...files]));
    const pack = { fileName, bytes, sha256: sha256(bytes), manifest };
    await this.db.transaction(actor.tenantId, (m) =>
      recordAudit(m, actor, {
        action: 'evidence.exported',
        subjectType: note.subjectType,
        subjectId: note.subjectId,
        after: { pack: described.kind, sha256: pack.sha256, ...note.after },
      }),
    );
    return pack;
  }
}
