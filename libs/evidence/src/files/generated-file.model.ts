import { createHash } from 'node:crypto';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('GeneratedFile', { description: 'A file Attest generated (a document, an evidence pack), carried inline as base64' })
export class GeneratedFile {
  @Field({ description: 'A suggested file name, e.g. annex-iv-credit-scoring-v3.pdf' }) fileName: string;
  @Field({ description: 'The media type, e.g. application/pdf, text/html; charset=utf-8, text/markdown; charset=utf-8' }) mediaType: string;
  @Field({ description: "SHA-256 of the file's bytes, lowercase hex: what the ledger seals and a recipient recomputes" }) sha256: string;
  @Field(() => Int, { description: 'The size of the file in bytes' }) byteSize: number;
  @Field({ description: "The file's bytes, base64 (RFC 4648, with padding)" }) contentBase64: string;
}

/** The file as the API returns it: its digest and size computed from the very bytes it carries. */
export function generatedFile(fileName: string, mediaType: string, bytes: Buffer): GeneratedFile {
  return Object.assign(new GeneratedFile(), {
    fileName,
    mediaType,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    byteSize: bytes.length,
    contentBase64: bytes.toString('base64'),
  });
}
