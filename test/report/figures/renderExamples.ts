/**
 * Renders every example figure to SVG and 300-dpi PNG in a directory, for looking at them:
 *   node <compiled>/test/report/figures/renderExamples.js /tmp/figs
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowSvg } from '../../../src/report/figures/flowSvg.js';
import { forestSvg } from '../../../src/report/figures/forestSvg.js';
import { kmSvg } from '../../../src/report/figures/kmSvg.js';
import { rocSvg } from '../../../src/report/figures/rocSvg.js';
import { svgToPng } from '../../../src/report/png.js';
import { REAL } from '../../helpers/shared.js';
import { chowellKm, chowellRoc } from './realExamples.js';
import { exampleFlow, exampleForest, exampleForestEdge, exampleKm2, exampleKm4, exampleRoc3 } from './examples.js';

export function renderExamples(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const figures: [string, string][] = [
    ['km2-single-ci', kmSvg(exampleKm2(), { ci: true })],
    ['km4-single', kmSvg(exampleKm4())],
    ['km4-double-ci', kmSvg(exampleKm4(), { width: 'double', ci: true })],
    ['roc3-single', rocSvg(exampleRoc3())],
    ['roc3-single-no-cutoffs', rocSvg(exampleRoc3(), { showOptimal: false })],
    ['km1-single', kmSvg({ ...exampleKm2(), title: 'Overall survival', groups: [{ ...exampleKm2().groups[0], label: '' }], logRank: null })],
    ['roc3-double', rocSvg(exampleRoc3(), { width: 'double' })],
    ['forest-double', forestSvg(exampleForest(), { width: 'double' })],
    ['forest-single', forestSvg(exampleForest(), { width: 'single' })],
    ['forest-edge-single', forestSvg(exampleForestEdge(), { width: 'single' })],
    ['flow-single', flowSvg(exampleFlow())],
    ['flow-double', flowSvg(exampleFlow(), { width: 'double' })],
  ];
  if (existsSync(join(REAL, 'chowell2021_ici_pancancer.csv'))) {
    figures.push(['real-km2-single-ci', kmSvg(chowellKm(REAL, false), { ci: true })]);
    figures.push(['real-km4-single', kmSvg(chowellKm(REAL, true))]);
    figures.push(['real-roc3-single', rocSvg(chowellRoc(REAL))]);
  }
  const written: string[] = [];
  for (const [name, svg] of figures) {
    writeFileSync(join(dir, `${name}.svg`), svg);
    writeFileSync(join(dir, `${name}.png`), svgToPng(svg));
    written.push(join(dir, `${name}.png`));
  }
  return written;
}

if (process.argv[1] && /renderExamples\.[jt]s$/.test(process.argv[1])) {
  for (const f of renderExamples(process.argv[2] ?? '/tmp/figs')) console.log(f);
}
