import { EVIDENCE_PACK_FORMAT, PACK_FILES, PACK_KINDS, type PackFact, type PackManifest } from '../pack-layout';
import { PackInputError, unzipFiles } from '../pack-zip';

/** A pack as read from its zip: the manifest, every file's bytes, and the JSON files parsed. */
export interface ReadPack {
  manifest: PackManifest;
  files: Map<string, Buffer>;
  json(path: string): unknown;
  facts: PackFact[];
}

/** Unzips and parses a pack; anything that is not a pack at all is a PackInputError (exit 2), never a failed check. */
export function readPack(zip: Buffer): ReadPack {
  const files = unzipFiles(zip);
  const parsed = new Map<string, unknown>();
  const json = (path: string): unknown => {
    if (!parsed.has(path)) {
      const bytes = files.get(path);
      if (!bytes) throw new PackInputError(`the pack has no ${path}`);
      try {
        parsed.set(path, JSON.parse(bytes.toString('utf8')));
      } catch {
        throw new PackInputError(`${path} is not JSON`);
      }
    }
    return parsed.get(path);
  };
  const manifest = json(PACK_FILES.manifest) as PackManifest;
  if (manifest?.format !== EVIDENCE_PACK_FORMAT) {
    throw new PackInputError(`manifest.json is not an evidence pack of the format ${EVIDENCE_PACK_FORMAT}`);
  }
  if (!PACK_KINDS.includes(manifest.kind)) {
    throw new PackInputError(`this verifier reads packs of the kinds ${PACK_KINDS.join(', ')}, not "${String(manifest.kind)}"`);
  }
  const facts = json(PACK_FILES.facts);
  if (!Array.isArray(facts)) throw new PackInputError(`${PACK_FILES.facts} is not a list of facts`);
  return { manifest, files, json, facts: facts as PackFact[] };
}
