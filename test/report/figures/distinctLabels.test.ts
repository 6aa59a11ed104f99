import { describe, expect, it } from 'vitest';
import { distinctLabelLines } from '../../../src/report/figures/distinctLabels.js';
import { textWidth } from '../../../src/report/figures/textWidth.js';

const fitsIn = (lines: readonly string[][], w: number, maxLines: number): boolean =>
  lines.every((ls) => ls.length <= maxLines && ls.every((l) => textWidth(l, 7) <= w + 1e-9));

describe('distinctLabelLines', () => {
  it('wraps labels in full when they fit on the allowed lines', () => {
    const out = distinctLabelLines(['SII_mean < 1,234.5', 'SII_mean ≥ 1,234.5'], 45, 7);
    expect(out).toEqual([['SII_mean', '< 1,234.5'], ['SII_mean', '≥ 1,234.5']]);
  });

  it('keeps nearly identical long labels apart when they must be shortened', () => {
    const labels = [
      'Systemic immune-inflammation index (mean of draws) ≥ 1,234.5, AFP < 400',
      'Systemic immune-inflammation index (mean of draws) ≥ 1,234.5, AFP ≥ 400',
    ];
    const out = distinctLabelLines(labels, 60, 7, { maxLines: 2 });
    expect(fitsIn(out, 60, 2)).toBe(true);
    expect(new Set(out.map((ls) => ls.join(' '))).size).toBe(2);
    // The part that differs is what is kept.
    expect(out[0].join(' ')).toContain('< 400');
    expect(out[1].join(' ')).toContain('≥ 400');
  });

  it('numbers the labels when even the differing words cannot be shown', () => {
    const labels = ['Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', 'Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2'];
    const out = distinctLabelLines(labels, 40, 7, { maxLines: 1 });
    expect(fitsIn(out, 40, 1)).toBe(true);
    expect(out.map((ls) => ls[0].slice(0, 2))).toEqual(['1.', '2.']);
  });

  it('leaves identical labels identical and copes with empty input', () => {
    expect(distinctLabelLines(['Same label here', 'Same label here'], 26, 7, { maxLines: 1 })).toEqual([['Same…'], ['Same…']]);
    expect(distinctLabelLines([], 20, 7)).toEqual([]);
    expect(distinctLabelLines([''], 20, 7)).toEqual([['']]);
  });
});
