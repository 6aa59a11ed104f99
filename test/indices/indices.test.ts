import { describe, expect, it } from 'vitest';
import { sii, nlr, plr, dnlr, siri, piv, albi, albiGrade, childPugh, computeIndices } from '../../src/indices/index.js';
import { SiilabError } from '../../src/errors.js';

/** Runs f and returns the SiilabError it throws (fails when it does not throw one). */
function refusal(f: () => unknown): SiilabError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SiilabError);
    return e as SiilabError;
  }
  throw new Error('expected a refusal');
}

describe('index functions: the @example of each file', () => {
  it('SII (Hu 2014)', () => expect(sii(4, 2, 200)).toBe(400));
  it('NLR', () => expect(nlr(4, 2)).toBe(2));
  it('PLR', () => expect(plr(216, 1.8)).toBe(120));
  it('dNLR', () => expect(dnlr(4.5, 7.5)).toBe(1.5));
  it('SIRI', () => expect(siri(4, 0.5, 2)).toBe(1));
  it('PIV', () => expect(piv(4, 200, 0.5, 2)).toBe(200));
  it('ALBI score', () => expect(albi(10, 40)).toBeCloseTo(-2.74, 12));
  it('ALBI grade cut points are inclusive', () => {
    expect(albiGrade(-2.74)).toBe(1);
    expect(albiGrade(-2.6)).toBe(1);
    expect(albiGrade(-2.59)).toBe(2);
    expect(albiGrade(-1.39)).toBe(2);
    expect(albiGrade(-1.2)).toBe(3);
  });
  it('Child–Pugh', () => {
    expect(childPugh({ bilirubin: 20, albumin: 38, inr: 1.1, ascites: 'none', encephalopathy: 'none' })).toEqual({
      score: 5, class: 'A', points: { bilirubin: 1, albumin: 1, inr: 1, ascites: 1, encephalopathy: 1 },
    });
    expect(childPugh({ bilirubin: 40, albumin: 30, inr: 1.8, ascites: 'mild', encephalopathy: 'none' })).toMatchObject({ score: 9, class: 'B' });
  });
});

describe('hand computations', () => {
  it('SII from a seed-like blood count: 180 × 4.2 / 1.5 = 504', () => {
    expect(sii(4.2, 1.5, 180)).toBeCloseTo(504, 10);
    expect(nlr(4.2, 1.5)).toBeCloseTo(2.8, 12);
    expect(plr(180, 1.5)).toBeCloseTo(120, 12);
    expect(siri(4.2, 0.6, 1.5)).toBeCloseTo(1.68, 12);
    expect(piv(4.2, 180, 0.6, 1.5)).toBeCloseTo(302.4, 10);
    expect(dnlr(4.2, 7)).toBeCloseTo(1.5, 12);
  });
  it('SII is the product of NLR and platelets', () => {
    expect(sii(3.1, 0.9, 250)).toBeCloseTo(nlr(3.1, 0.9) * 250, 9);
  });
  it('ALBI from Johnson 2015: bilirubin 17.1 µmol/L (1 mg/dL), albumin 35 g/L', () => {
    // 0.66 × log10(17.1) − 0.085 × 35 = 0.66 × 1.232996 − 2.975 = −2.161223
    expect(albi(17.1, 35)).toBeCloseTo(0.66 * Math.log10(17.1) - 2.975, 12);
    expect(albi(17.1, 35)).toBeCloseTo(-2.161223, 6);
    expect(albiGrade(albi(17.1, 35))).toBe(2);
    expect(albiGrade(albi(60, 25))).toBe(3);
  });
  it('Child–Pugh boundaries: bilirubin 2 and 3 mg/dL, albumin 28 and 35 g/L, INR 1.7 and 2.3', () => {
    const base = { albumin: 40, inr: 1, ascites: 'none', encephalopathy: 'none' } as const;
    expect(childPugh({ ...base, bilirubin: 34.1 }).points.bilirubin).toBe(1);
    expect(childPugh({ ...base, bilirubin: 34.2 }).points.bilirubin).toBe(2);
    expect(childPugh({ ...base, bilirubin: 51.3 }).points.bilirubin).toBe(2);
    expect(childPugh({ ...base, bilirubin: 51.4 }).points.bilirubin).toBe(3);
    const b = { bilirubin: 10, inr: 1, ascites: 'none', encephalopathy: 'none' } as const;
    expect(childPugh({ ...b, albumin: 35.1 }).points.albumin).toBe(1);
    expect(childPugh({ ...b, albumin: 35 }).points.albumin).toBe(2);
    expect(childPugh({ ...b, albumin: 28 }).points.albumin).toBe(2);
    expect(childPugh({ ...b, albumin: 27.9 }).points.albumin).toBe(3);
    const c = { bilirubin: 10, albumin: 40, ascites: 'none', encephalopathy: 'none' } as const;
    expect(childPugh({ ...c, inr: 1.69 }).points.inr).toBe(1);
    expect(childPugh({ ...c, inr: 1.7 }).points.inr).toBe(2);
    expect(childPugh({ ...c, inr: 2.3 }).points.inr).toBe(2);
    expect(childPugh({ ...c, inr: 2.31 }).points.inr).toBe(3);
    const worst = childPugh({ bilirubin: 80, albumin: 20, inr: 3, ascites: 'moderate-severe', encephalopathy: 'grade3-4' });
    expect(worst).toMatchObject({ score: 15, class: 'C' });
    expect(childPugh({ bilirubin: 40, albumin: 30, inr: 1.8, ascites: 'none', encephalopathy: 'none' })).toMatchObject({ score: 8, class: 'B' });
    expect(childPugh({ bilirubin: 40, albumin: 30, inr: 1.8, ascites: 'moderate-severe', encephalopathy: 'grade1-2' })).toMatchObject({ score: 11, class: 'C' });
    expect(childPugh({ bilirubin: 40, albumin: 30, inr: 1.8, ascites: 'mild', encephalopathy: 'grade1-2' })).toMatchObject({ score: 10, class: 'C' });
  });
});

describe('refusals: never NaN or Infinity', () => {
  it('zero or negative lymphocytes', () => {
    for (const f of [() => sii(4, 0, 200), () => nlr(4, 0), () => plr(200, 0), () => siri(4, 0.5, 0), () => piv(4, 200, 0.5, 0)]) {
      const e = refusal(f);
      expect(e.exitCode).toBe(3);
      expect(e.message).toMatch(/lymphocytes = 0 .*must be above zero/);
    }
    expect(refusal(() => sii(4, -1, 200)).message).toContain('lymphocytes = -1');
  });
  it('negative and non-finite counts', () => {
    expect(refusal(() => sii(-4, 2, 200)).message).toContain('neutrophils = -4');
    expect(refusal(() => sii(4, 2, Number.NaN)).message).toContain('platelets = NaN is not a finite number');
    expect(refusal(() => piv(4, Infinity, 1, 2)).message).toContain('not a finite number');
  });
  it('dNLR needs white cells above neutrophils', () => {
    expect(refusal(() => dnlr(5, 5)).message).toContain('white cells 5 × 10^9/L must exceed neutrophils 5');
    expect(refusal(() => dnlr(6, 5)).exitCode).toBe(3);
  });
  it('ALBI needs a positive bilirubin', () => {
    expect(refusal(() => albi(0, 40)).message).toContain('bilirubin = 0 µmol/L');
    expect(refusal(() => albi(10, Number.NaN)).message).toContain('albumin = NaN');
  });
  it('Child–Pugh refuses an unknown grade', () => {
    expect(refusal(() => childPugh({ bilirubin: 10, albumin: 40, inr: 1, ascites: 'lots' as never, encephalopathy: 'none' })).message)
      .toContain("ascites 'lots' is not one of 'none', 'mild', 'moderate-severe'");
  });
});

describe('computeIndices', () => {
  it('computes what it can and says what is missing', () => {
    const r = computeIndices({ neutrophils: 4, lymphocytes: 2, platelets: 200 });
    expect(r.indices).toEqual({ sii: 400, nlr: 2, plr: 100, dnlr: null, siri: null, piv: null, albi: null, albiGrade: null });
    expect(r.warnings).toEqual([
      'dNLR not computed: it needs white cells.',
      'SIRI not computed: it needs monocytes.',
      'PIV not computed: it needs monocytes.',
      'ALBI not computed: it needs bilirubin and albumin.',
    ]);
  });
  it('all indices with every input', () => {
    const r = computeIndices({ neutrophils: 4, lymphocytes: 2, platelets: 200, monocytes: 0.5, wbc: 7, albumin: 40, bilirubin: 10 });
    expect(r.warnings).toEqual([]);
    expect(r.indices).toMatchObject({ sii: 400, nlr: 2, plr: 100, siri: 1, piv: 200, albiGrade: 1 });
    expect(r.indices.dnlr).toBeCloseTo(4 / 3, 12);
    expect(r.indices.albi).toBeCloseTo(-2.74, 12);
  });
  it('SII is null (with a warning) without platelets, and NLR still computed', () => {
    const r = computeIndices({ neutrophils: 4, lymphocytes: 2 });
    expect(r.indices.sii).toBeNull();
    expect(r.indices.nlr).toBe(2);
    expect(r.warnings[0]).toBe('SII not computed: it needs platelets.');
  });
});
