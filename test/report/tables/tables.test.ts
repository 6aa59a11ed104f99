import { describe, expect, it } from 'vitest';
import { Document, Packer } from 'docx';
import type { ReportTable } from '../../../src/report/tables/reportTable.js';
import { tableHtml } from '../../../src/report/tables/tableHtml.js';
import { tableMarkdown } from '../../../src/report/tables/tableMarkdown.js';
import { tableCsv } from '../../../src/report/tables/tableCsv.js';
import { csvCell } from '../../../src/report/tables/csvCell.js';
import { tableDocx } from '../../../src/report/tables/tableDocx.js';

const t: ReportTable = {
  id: 'table1',
  title: 'Table 1. Baseline <characteristics>',
  columns: [
    { label: 'Variable', align: 'left' },
    { label: 'Recurrence (n = 110)', align: 'right' },
    { label: 'P', align: 'right' },
  ],
  headerGroups: [{ label: '', span: 1 }, { label: 'Groups', span: 2 }],
  rows: [
    { cells: ['Age, years'], section: true },
    { cells: ['≤ 50', '53 (48.2)', '0.097'], indent: 1 },
    { cells: ['=cmd|x', '-1.5', '< 0.001'] },
  ],
  footnotes: ['Pearson chi-square without continuity correction.'],
};

describe('report tables', () => {
  it('renders escaped HTML with spanning headers and section rows', () => {
    const h = tableHtml(t);
    expect(h).toContain('<caption>Table 1. Baseline &lt;characteristics&gt;</caption>');
    expect(h).toContain('<th colspan="2" class="group">Groups</th>');
    expect(h).toContain('<tr class="section"><td colspan="3">Age, years</td></tr>');
    expect(h).toContain('&lt; 0.001');
  });
  it('renders Markdown', () => {
    const m = tableMarkdown(t);
    expect(m).toContain('| Variable | Groups: Recurrence (n = 110) | Groups: P |');
    expect(m).toContain('| --- | ---: | ---: |');
    expect(m).toContain('=cmd\\|x');
  });
  it('escapes formula cells in CSV but keeps negative numbers', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    const c = tableCsv(t).split('\r\n');
    expect(c[0]).toBe('Variable,Recurrence (n = 110),P');
    expect(c[3]).toBe("'=cmd|x,-1.5,< 0.001");
  });
  it('builds a Word table that packs into a valid .docx', async () => {
    const doc = new Document({ sections: [{ children: tableDocx(t) }] });
    const buf = await Packer.toBuffer(doc);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    expect(buf.length).toBeGreaterThan(3000);
  });
});
