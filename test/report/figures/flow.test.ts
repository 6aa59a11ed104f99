import { describe, expect, it } from 'vitest';
import type { FlowFigureData } from '../../../src/report/figures/flowData.js';
import { flowLayout } from '../../../src/report/figures/flowLayout.js';
import { flowSvg } from '../../../src/report/figures/flowSvg.js';
import { boxesOverlap } from '../../../src/report/figures/geometry.js';
import { exampleFlow } from './examples.js';
import { expectAccessible, expectCleanText, rounded, textBoxes } from './svgCheck.js';

describe('flowLayout', () => {
  it('stacks screened → analysed → groups with the excluded box beside, boxes apart', () => {
    const L = flowLayout(exampleFlow());
    const [screened, excluded, analysed, g1, g2] = L.boxes;
    expect(L.boxes).toHaveLength(5);
    expect(excluded.box.y0).toBeGreaterThan(screened.box.y1);
    expect(analysed.box.y0).toBeGreaterThan(excluded.box.y1);
    expect(excluded.box.x0).toBeGreaterThan(screened.box.x1);
    expect(g1.box.y0).toBeGreaterThan(analysed.box.y1);
    expect(g1.box.y1 - g1.box.y0).toBeCloseTo(g2.box.y1 - g2.box.y0, 9);
    for (let i = 0; i < L.boxes.length; i++) for (let j = i + 1; j < L.boxes.length; j++) expect(boxesOverlap(L.boxes[i].box, L.boxes[j].box)).toBe(false);
    // The excluded total defaults to screened − analysed; n stays with its words.
    const lines = excluded.lines.map((l) => l.text.replace(/\u00a0/g, ' '));
    expect(lines[0]).toBe('Excluded (n = 103)');
    expect(lines.filter((t) => t === '•')).toHaveLength(4);
    expect(lines.some((t) => /\(n$/.test(t))).toBe(false);
    // Arrows: main down, branch right, then the split to the two groups.
    expect(L.arrows.filter((a) => a.head)).toHaveLength(4);
    expect(rounded(L)).toMatchSnapshot();
  });

  it('draws without exclusions or groups, with unknown counts, and honours excludedN', () => {
    const d: FlowFigureData = { title: 'Minimal', screened: { label: 'Screened', n: 10 }, exclusions: [], analysed: { label: 'Analysed', n: Number.NaN } };
    const svg = flowSvg(d);
    expectAccessible(svg, 'Minimal');
    expectCleanText(svg);
    expect(textBoxes(svg).map((t) => t.text.replace(/\u00a0/g, ' '))).toContain('Analysed (n = —)');
    const none = flowLayout({ title: 'None excluded', screened: { label: 'Screened', n: 10 }, exclusions: [], analysed: { label: 'Analysed', n: 10 } });
    expect(none.boxes.map((b) => b.lines[0].text.replace(/\u00a0/g, ' '))).toEqual(['Screened (n = 10)', 'Analysed (n = 10)']);
    expect(none.arrows).toHaveLength(1); // screened → analysed, no branch to an empty box
    const withTotal = flowLayout({ ...exampleFlow(), excludedN: 99 });
    expect(withTotal.boxes[1].lines[0].text.replace(/\u00a0/g, ' ')).toBe('Excluded (n = 99)');
  });
});

describe('flowSvg', () => {
  it('is deterministic and accessible with clean text at both widths, even with very long reasons', () => {
    const long: FlowFigureData = {
      ...exampleFlow(),
      exclusions: [...exampleFlow().exclusions, { reason: 'Received systemic therapy (sorafenib, lenvatinib or immune checkpoint inhibitors) before the first TACE session', n: 7 }],
      groups: [{ label: 'Low SII, AFP < 400', n: 80 }, { label: 'Low SII, AFP ≥ 400', n: 70 }, { label: 'High SII, AFP < 400', n: 90 }, { label: 'High SII, AFP ≥ 400', n: 69 }],
    };
    for (const [d, o] of [[exampleFlow(), {}], [exampleFlow(), { width: 'double' as const }], [long, {}], [long, { width: 'double' as const }]] as const) {
      const a = flowSvg(d, o);
      expect(flowSvg(d, o)).toBe(a);
      expectAccessible(a, d.title);
      expectCleanText(a);
    }
  });
});
