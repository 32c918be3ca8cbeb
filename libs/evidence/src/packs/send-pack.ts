import type { Response } from 'express';
import type { BuiltPack } from './pack-layout';
import { EVIDENCE_PACK_MEDIA_TYPE } from './decision-evidence.resolver';

/** A pack as a download: its name, its digest in a header, never cached. */
export function sendPack(res: Response, pack: BuiltPack): void {
  res
    .status(200)
    .set({
      'Content-Type': EVIDENCE_PACK_MEDIA_TYPE,
      'Content-Disposition': `attachment; filename="${pack.fileName}"`,
      'Content-Length': String(pack.bytes.length),
      'Cache-Control': 'no-store',
      'X-Attest-Sha256': pack.sha256,
    })
    .end(pack.bytes);
}
