/** Saves `blob` as a file the way a link with `download` does: a same-page blob URL, released once clicked. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; keep the URL a moment for slow browsers anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the API returned inline (GeneratedFile): its base64 bytes, name and media type. */
export interface InlineFile {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

/** Saves a file the API carried inline, byte for byte (no server route: the bytes are already here). */
export function saveInlineFile(file: InlineFile): void {
  saveFile(new Blob([base64Bytes(file.contentBase64)], { type: file.mediaType }), file.fileName);
}

/** RFC 4648 base64 (with padding) as bytes. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
