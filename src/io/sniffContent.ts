/**
 * Checks an upload by its content, not its name: images, PDFs, archives and old binary Excel files
 * are refused whatever they are called; an .xlsx must be a zip (OOXML) and a text table must not
 * hold NUL bytes. Returns the message to show, or null when the bytes fit the name.
 *
 * @example sniffContent('cohort.csv', pngBytes) // "cohort.csv: this file is a PNG image, not a table …"
 */
import { serverMessages as M } from '../messages/server.js';

const starts = (b: Uint8Array, sig: readonly number[]) => sig.every((x, k) => b[k] === x);
const KINDS: readonly [string, readonly number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an old binary Excel (.xls) or Word file', [0xd0, 0xcf, 0x11, 0xe0]],
];

export function sniffContent(name: string, bytes: Uint8Array): string | null {
  const xlsx = /\.xlsx$/i.test(name);
  const zip = starts(bytes, [0x50, 0x4b, 0x03, 0x04]);
  for (const [kind, sig] of KINDS) if (starts(bytes, sig)) return M.wrongContent(name, kind);
  if (xlsx) return zip ? null : M.notXlsx(name);
  if (zip) return M.zipNotXlsx(name);
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return M.binaryText(name);
  return null;
}
