/**
 * Worker-thread shell of the parallel scan of a delimited file (scanDelimitedParallel.ts): receives
 * a chunk of whole rows of a file held in a SharedArrayBuffer ({ id, sab, from, to, delim, nl0,
 * crlf, nCols, capHint }) and answers { id, rows } with src/io/delimitedLayout.ts's scanRows on it
 * (its arrays transferred, not copied). No parsing rules here.
 */
import { parentPort } from 'node:worker_threads';
import { scanRows } from './delimitedLayout.js';

export interface ScanTask {
  id: number;
  sab: SharedArrayBuffer;
  from: number;
  to: number;
  delim: number;
  nl0: number;
  crlf: boolean;
  nCols: number;
  capHint: number;
  preparse: boolean;
  slots: Int32Array;
}

parentPort!.on('message', (m: ScanTask) => {
  const rows = scanRows(new Uint8Array(m.sab), m.from, m.to, m.delim, m.nl0, m.crlf, m.nCols, m.capHint, undefined, m.preparse, m.slots);
  const transfer: ArrayBuffer[] = [];
  if (rows) {
    transfer.push(rows.cellStart.buffer as ArrayBuffer);
    if (rows.values) transfer.push(rows.values.buffer as ArrayBuffer);
    if (rows.kinds) transfer.push(rows.kinds.buffer as ArrayBuffer);
  }
  parentPort!.postMessage({ id: m.id, rows }, transfer);
});
