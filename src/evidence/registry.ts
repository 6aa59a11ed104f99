/**
 * The evidence registry: the seed studies as validated records, in a fixed order. The study files
 * (src/evidence/studies/<id>.json) are imported, so they ship inside the package build.
 *
 * @example
 * registry().map((s) => s.id) // ['deng2025', 'yu2023', 'hong2021']
 * study('hong2021').cutoffs[0].value // 340
 */
import { dataError } from '../errors.js';
import { calcMessages as M } from '../messages/calc.js';
import { parseStudy } from './parseStudy.js';
import type { StudyRecord } from './types.js';
import deng2025 from './studies/deng2025.json' with { type: 'json' };
import yu2023 from './studies/yu2023.json' with { type: 'json' };
import hong2021 from './studies/hong2021.json' with { type: 'json' };

const FILES: readonly [string, unknown][] = [
  ['deng2025.json', deng2025],
  ['yu2023.json', yu2023],
  ['hong2021.json', hong2021],
];

let cache: readonly StudyRecord[] | null = null;

export function registry(): readonly StudyRecord[] {
  if (cache === null) cache = Object.freeze(FILES.map(([f, j]) => parseStudy(j, `src/evidence/studies/${f}`)));
  return cache;
}

export function study(id: string): StudyRecord {
  const s = registry().find((r) => r.id === id);
  if (!s) throw dataError(M.unknownStudy(id, registry().map((r) => r.id)));
  return s;
}
