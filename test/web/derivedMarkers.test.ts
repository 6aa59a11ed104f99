/**
 * SII from what the file has (issue 17 item 2): a file with only NLR and platelets (as Chowell's)
 * or with neutrophil/lymphocyte percentages and white cells gets SII (and NLR, PLR where they can
 * be computed) from the web mapping alone, with the derivation in words; the spec it writes loads
 * and the engine's values are the hand-computed ones.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDelimited } from '../../src/io/readTable.js';
import { inspectTable } from '../../src/cohort/inspectTable.js';
import { specFromInspection } from '../../src/study/specFromInspection.js';
import { parseSpecText } from '../../src/study/parseSpec.js';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { mappingFromInspect, specInfo, specWithMapping } from '../../web/src/lib/spec.js';
import { derivationText, derivedMarkers } from '../../web/src/lib/derivedMarkers.js';

const rows = (n: number, f: (i: number) => (string | number)[]) => Array.from({ length: n }, (_, i) => f(i).join(','));

function mapped(csv: string) {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-derived-'));
  const file = join(dir, 'cohort.csv');
  writeFileSync(file, csv);
  const inspect = inspectTable(parseDelimited('cohort.csv', csv));
  const yaml = specWithMapping(specFromInspection(inspect, file), mappingFromInspect(inspect), 'derived');
  const specFile = join(dir, 'study.yaml');
  writeFileSync(specFile, yaml);
  return { yaml, specFile, mapping: mappingFromInspect(inspect) };
}

describe('markers derived from the mapping', () => {
  it('NLR and platelets only: SII = NLR × platelets offered, NLR as recorded, PLR not available and why', async () => {
    const csv = ['id,NLR,Platelets,OS_Months,OS_Event', ...rows(40, (i) => [i + 1, (1 + (i % 9) * 0.7).toFixed(2), 120 + 7 * i, 3 + i, i % 3 === 0 ? 1 : 0])].join('\n');
    const { yaml, specFile } = mapped(csv);
    const spec = parseSpecText('study.yaml', yaml).spec as any;
    expect(spec.derived).toEqual([{ name: 'SII', index: 'SII' }]);
    const info = specInfo(yaml);
    expect(info.markers.slice(0, 2)).toEqual(['SII', 'nlr']);
    expect(info.markerNotes.SII).toBe('SII = NLR × platelets (columns NLR, Platelets)');
    expect(info.markerNotes.nlr).toBe('NLR as recorded in the file (column NLR)');
    const load = await loadStudy(specFile);
    const sii = load.dataset.columns.SII.values as Float64Array;
    // Patient 5 (i = 4): NLR 3.80, platelets 148.
    expect(sii[load.dataset.ids.indexOf('5')]).toBeCloseTo(3.8 * 148, 9);
    const ways = derivedMarkers({ nlr: 'NLR', platelets: 'Platelets' });
    expect(ways.find((d) => d.index === 'PLR')!.available).toBe(false);
    expect(derivationText(ways.find((d) => d.index === 'PLR')!)).toMatch(/^Not available: PLR needs platelets with a lymphocyte count/);
  });

  it('percentages and white cells: SII, NLR and PLR, computed as the page says', async () => {
    const csv = ['id,WBC,Neutrophils %,Lymphocytes %,Platelets,OS_Months,OS_Event', ...rows(40, (i) => [i + 1, (4 + (i % 7)).toFixed(1), 50 + (i % 20), 15 + (i % 10), 150 + 5 * i, 2 + i, i % 4 === 0 ? 1 : 0])].join('\n');
    const { yaml, specFile, mapping } = mapped(csv);
    expect(mapping['Neutrophils %'].target).toBe('neutrophilPercent');
    expect(mapping.WBC.target).toBe('whiteCells');
    const spec = parseSpecText('study.yaml', yaml).spec as any;
    expect(spec.derived.map((d: any) => d.index).sort()).toEqual(['NLR', 'PLR', 'SII']);
    const info = specInfo(yaml);
    expect(info.markerNotes.PLR).toBe('PLR = platelets / lymphocytes, with lymphocytes = white cells × lymphocytes % / 100 (columns Platelets, Lymphocytes %, WBC)');
    expect(info.markerNotes.SII).toMatch(/^SII = platelets × neutrophils % \/ lymphocytes %/);
    const load = await loadStudy(specFile);
    const k = load.dataset.ids.indexOf('3'); // i = 2: WBC 6.0, N% 52, L% 17, platelets 160
    expect((load.dataset.columns.PLR.values as Float64Array)[k]).toBeCloseTo(160 / (6 * 0.17), 9);
    expect((load.dataset.columns.NLR.values as Float64Array)[k]).toBeCloseTo(52 / 17, 9);
    expect((load.dataset.columns.SII.values as Float64Array)[k]).toBeCloseTo((160 * 52) / 17, 9);
  });
});
