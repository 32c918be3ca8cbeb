import type { Response } from 'express';
import { csvRecord, type CsvValue } from './csv';

export interface CsvDownload {
  /** The file name offered to the browser (ASCII letters, digits, dot, dash, underscore). */
  filename: string;
  header: readonly string[];
  /** The rows, in batches as they are read: never the whole set at once. */
  rows: AsyncIterable<readonly CsvValue[][]>;
}

export interface CsvOutcome {
  rowCount: number;
  /** False when the client went away before the last row. */
  complete: boolean;
}

/**
 * Streams a CSV download with backpressure: each record is written as its batch arrives, and the
 * next batch is read only once the socket has taken the last one (`drain`), so a slow client holds
 * back the database reads instead of filling the server's memory. Chunked transfer encoding (no
 * Content-Length); stops reading when the client disconnects.
 */
export async function streamCsv(res: Response, download: CsvDownload): Promise<CsvOutcome> {
  res.status(200);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${download.filename}"`);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  let rowCount = 0;
  const closed = () => res.destroyed || res.writableEnded;
  if (!(await write(res, csvRecord(download.header)))) return { rowCount, complete: false };
  for await (const batch of download.rows) {
    if (closed()) return { rowCount, complete: false };
    for (const row of batch) {
      rowCount += 1;
      if (!(await write(res, csvRecord(row)))) return { rowCount, complete: false };
    }
  }
  res.end();
  return { rowCount, complete: true };
}

/** Writes a chunk, waiting for `drain` when the socket's buffer is full; false when the client is gone. */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  return new Promise<boolean>((resolve) => {
    const settle = (drained: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(drained && !res.destroyed);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
