/** Reads a .zip written without data descriptors (as src/report/zipArchive.ts writes): path → bytes, from the local headers, CRC checked. */
import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/report/zipArchive.js';

export function readZip(zip: Uint8Array): Map<string, Uint8Array> {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Map<string, Uint8Array>();
  let p = 0;
  while (b.readUInt32LE(p) === 0x04034b50) {
    const method = b.readUInt16LE(p + 8);
    const crc = b.readUInt32LE(p + 14);
    const packed = b.readUInt32LE(p + 18);
    const size = b.readUInt32LE(p + 22);
    const nameLen = b.readUInt16LE(p + 26);
    const extraLen = b.readUInt16LE(p + 28);
    const name = b.subarray(p + 30, p + 30 + nameLen).toString('utf8');
    const start = p + 30 + nameLen + extraLen;
    const raw = b.subarray(start, start + packed);
    const data = new Uint8Array(method === 8 ? inflateRawSync(raw) : raw);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`zip entry ${name}: size or CRC does not match`);
    out.set(name, data);
    p = start + packed;
  }
  if (b.readUInt32LE(p) !== 0x02014b50) throw new Error('zip: no central directory after the entries');
  return out;
}
