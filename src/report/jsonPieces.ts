/**
 * JSON text in pieces: the text `JSON.stringify(value, replacer, indent)` gives with siilab's
 * replacer (src/cli/output.ts toJson: typed arrays written as arrays, a non-finite number refused),
 * handed to `emit` a piece at a time instead of built as one string. A 100,000-patient bundle is
 * 70 MB of text; written this way (writeReport.ts) it never exists whole in memory, nor as a
 * second, encoded copy. Semantics of JSON.stringify kept: `toJSON` is called, properties whose
 * value is undefined, a function or a symbol are left out of objects and written `null` in arrays,
 * Number/String/Boolean objects are written as their value, empty objects and arrays as `{}`/`[]`.
 *
 * @example
 * const out: string[] = [];
 * jsonPieces({ a: Float64Array.of(1, 2) }, (s) => out.push(s));
 * out.join('') === JSON.stringify({ a: [1, 2] }, null, 2) // true
 */
import { SiilabError } from '../errors.js';
import { cliMessages } from '../messages/index.js';

/** `key`: the field's name or the element's index (made text only for the message). */
function number(v: number, key: string | number): string {
  if (!Number.isFinite(v)) throw new SiilabError('analysis', cliMessages.internal(`non-finite number in output field '${key}'`));
  return String(v);
}

function isTyped(v: unknown): v is Float64Array | Int32Array | Uint8Array {
  return v instanceof Float64Array || v instanceof Int32Array || v instanceof Uint8Array;
}

/** The value JSON.stringify writes for `v` under `key` (an array element's index): toJSON called, typed arrays as arrays, wrappers unwrapped. */
function prepared(v: unknown, key: string | number): unknown {
  if (v !== null && typeof v === 'object') {
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: (k: string) => unknown }).toJSON(String(key));
    if (isTyped(v)) return Array.from(v);
    if (v instanceof Number) return Number(v);
    if (v instanceof String) return String(v);
    if (v instanceof Boolean) return v.valueOf();
  }
  return v;
}

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export function jsonPieces(value: unknown, emit: (piece: string) => void, indent = 2): void {
  const gap = ' '.repeat(indent);
  const pads: string[] = ['\n'];
  const pad = (depth: number) => pads[depth] ?? (pads[depth] = '\n' + gap.repeat(depth));
  // `v` is prepared and not skipped (or an array element, written null when it would be skipped).
  const write = (v: unknown, key: string | number, depth: number): void => {
    switch (typeof v) {
      case 'number':
        emit(number(v, key));
        return;
      case 'string':
        emit(JSON.stringify(v));
        return;
      case 'boolean':
        emit(v ? 'true' : 'false');
        return;
      case 'bigint':
        JSON.stringify(v); // throws as JSON.stringify does
        return;
      case 'undefined':
      case 'function':
      case 'symbol':
        emit('null');
        return;
    }
    if (v === null) {
      emit('null');
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        emit('[]');
        return;
      }
      const p = pad(depth + 1);
      emit('[');
      // runs of numbers (a curve's 100,000 values) go out as one piece per ~16 KB, not two per number
      let run = '';
      for (let i = 0; i < v.length; i++) {
        const sep = i === 0 ? p : ',' + p;
        const x = v[i];
        if (typeof x === 'number') {
          run += sep + number(x, i);
          if (run.length > 16384) {
            emit(run);
            run = '';
          }
          continue;
        }
        if (run) {
          emit(run);
          run = '';
        }
        emit(sep);
        write(prepared(x, i), i, depth + 1);
      }
      if (run) emit(run);
      emit(pad(depth) + ']');
      return;
    }
    let first = true;
    const p = pad(depth + 1);
    for (const k of Object.keys(v as object)) {
      const x = prepared((v as Record<string, unknown>)[k], k);
      if (skipped(x)) continue;
      emit((first ? '{' + p : ',' + p) + JSON.stringify(k) + ': ');
      first = false;
      write(x, k, depth + 1);
    }
    emit(first ? '{}' : pad(depth) + '}');
  };
  const root = prepared(value, '');
  if (!skipped(root)) write(root, '', 0);
}
