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

/**
 * A PNG of a self-contained SVG, at twice its size for sharp print: the SVG as a data: image (the
 * CSP's img-src allows data:) drawn on a canvas. No packages: the browser does the rasterising.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make a PNG'))), 'image/png'),
  );
}
