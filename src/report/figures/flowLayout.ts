/**
 * Participant flow diagram layout (CONSORT/STROBE style): the screened box, an arrow down to the
 * analysed box with the excluded box (total and one line per reason) branching off to the right,
 * and optionally the analysed patients split into groups. Text is wrapped to the boxes; boxes
 * grow to fit. Never throws.
 */
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { FlowFigureData } from './flowData.js';
import type { Box } from './geometry.js';
import { textWidth, wrapText } from './textWidth.js';

export interface FlowOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
}

export interface FlowLine {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle';
  readonly bold?: boolean;
}

export interface FlowBox {
  readonly box: Box;
  readonly lines: readonly FlowLine[];
}

export interface FlowArrow {
  /** Polyline in pt; an arrowhead at the last point when `head`. */
  readonly points: readonly (readonly [number, number])[];
  readonly head: boolean;
}

export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly boxes: readonly FlowBox[];
  readonly arrows: readonly FlowArrow[];
  readonly arrowSize: number;
  readonly description: string;
}

const PAD = 4;
const INNER = 5;
const NBSP = '\u00a0';
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** "(n = 412)" with no-break spaces, so wrapping never splits it. */
function nText(n: number | null | undefined): string {
  return `(n${NBSP}=${NBSP}${finite(n) ? String(n) : '—'})`;
}

/** Lines of a centred box: the label followed by its n, wrapped to `inner` pt. */
function centredLines(label: string, n: number | null | undefined, inner: number, fs: number): string[] {
  const s = label.trim() === '' ? nText(n) : `${label.trim()} ${nText(n)}`;
  return wrapText(s, inner, fs);
}

/** Lays out a participant flow diagram. */
export function flowLayout(data: FlowFigureData, options: FlowOptions = {}): FlowLayout {
  const fs = finite(options.fontSize) && options.fontSize > 3 ? options.fontSize : 7;
  const width = widthMm(options.width) * PT_PER_MM;
  const lh = fs * 1.3;
  const gapH = 16;
  const exclusions = (data.exclusions ?? []).filter((e) => e && typeof e.reason === 'string');
  const excludedN = finite(data.excludedN)
    ? data.excludedN
    : finite(data.screened?.n) && finite(data.analysed?.n)
      ? data.screened.n - data.analysed.n
      : exclusions.reduce((s, e) => s + (finite(e.n) ? e.n : 0), 0);
  const screenedLabel = data.screened?.label ?? 'Patients screened';
  const analysedLabel = data.analysed?.label ?? 'Patients analysed';
  const bullet = '•';
  const hang = textWidth(`${bullet} `, fs);
  // Boxes as wide as their text on one line, within limits; the diagram is centred in the figure.
  const oneLine = (label: string, n: number | null | undefined): number => textWidth(`${label.trim()} ${nText(n)}`, fs);
  const mainMax = Math.min(230, (width - 2 * PAD - gapH) * 0.46);
  const mainW = Math.min(mainMax, Math.max(90, oneLine(screenedLabel, data.screened?.n), oneLine(analysedLabel, data.analysed?.n)) + 2 * INNER);
  const exclNeed = Math.max(textWidth(`Excluded ${nText(excludedN)}`, fs, true), ...exclusions.map((e) => hang + oneLine(e.reason, e.n))) + 2 * INNER;
  // Nobody excluded: no "Excluded (n = 0)" box, screened leads straight to analysed.
  const noneExcluded = excludedN === 0 && exclusions.length === 0;
  const exclW = noneExcluded ? 0 : Math.min(exclNeed, 280, width - 2 * PAD - gapH - mainW);
  const left = PAD + Math.max(0, (width - 2 * PAD - (noneExcluded ? mainW : mainW + gapH + exclW)) / 2);
  const exclX0 = left + mainW + gapH;
  const mainCx = left + mainW / 2;

  const boxes: FlowBox[] = [];
  const arrows: FlowArrow[] = [];
  const centred = (x0: number, w: number, y0: number, lines: string[], bold = false): FlowBox => {
    const box: Box = { x0, y0, x1: x0 + w, y1: y0 + INNER * 2 + lines.length * lh - (lh - fs) };
    return {
      box,
      lines: lines.map((t, i) => ({ x: x0 + w / 2, y: y0 + INNER + fs * 0.76 + i * lh, text: t, anchor: 'middle' as const, bold })),
    };
  };

  // Screened.
  const screened = centred(left, mainW, PAD, centredLines(screenedLabel, data.screened?.n, mainW - 2 * INNER, fs));
  boxes.push(screened);

  // Excluded: heading and reasons with a hanging indent.
  const exclInner = exclW - 2 * INNER;
  const exclLines: FlowLine[] = [];
  let ey = 0;
  for (const t of wrapText(`Excluded ${nText(excludedN)}`, exclInner, fs, true)) {
    exclLines.push({ x: exclX0 + INNER, y: ey, text: t, anchor: 'start', bold: true });
    ey += lh;
  }
  for (const e of exclusions) {
    const wrapped = wrapText(`${e.reason.trim()} ${nText(e.n)}`, exclInner - hang, fs);
    wrapped.forEach((t, i) => {
      if (i === 0) exclLines.push({ x: exclX0 + INNER, y: ey, text: bullet, anchor: 'start' });
      exclLines.push({ x: exclX0 + INNER + hang, y: ey, text: t, anchor: 'start' });
      ey += lh;
    });
  }
  const exclH = INNER * 2 + ey - (lh - fs);
  const exclY0 = screened.box.y1 + 12;
  const exclBox: FlowBox = {
    box: { x0: exclX0, y0: exclY0, x1: exclX0 + exclW, y1: exclY0 + exclH },
    lines: exclLines.map((l) => ({ ...l, y: exclY0 + INNER + fs * 0.76 + l.y })),
  };
  if (!noneExcluded) boxes.push(exclBox);

  // Analysed.
  const analysedY0 = noneExcluded ? screened.box.y1 + 22 : exclBox.box.y1 + 12;
  const analysed = centred(left, mainW, analysedY0, centredLines(analysedLabel, data.analysed?.n, mainW - 2 * INNER, fs));
  boxes.push(analysed);
  arrows.push({ points: [[mainCx, screened.box.y1], [mainCx, analysed.box.y0]], head: true });
  const branchY = (exclBox.box.y0 + exclBox.box.y1) / 2;
  if (!noneExcluded) arrows.push({ points: [[mainCx, branchY], [exclX0, branchY]], head: true });

  // Groups.
  let bottom = analysed.box.y1;
  const groups = (data.groups ?? []).filter((gr) => gr && typeof gr.label === 'string');
  if (groups.length > 0) {
    const k = groups.length;
    const gap = 10;
    const gNeed = Math.max(60, ...groups.map((gr) => oneLine(gr.label, gr.n))) + 2 * INNER;
    const gw = Math.min(gNeed, Math.max(mainW, width * 0.3), (width - 2 * PAD - gap * (k - 1)) / k);
    const total = gw * k + gap * (k - 1);
    // Centre the row of groups under the analysed box when it fits, else across the figure.
    const start = Math.max(PAD, Math.min(mainCx - total / 2, width - PAD - total));
    const gy0 = analysed.box.y1 + 22;
    const gbs = groups.map((gr, i) => centred(start + i * (gw + gap), gw, gy0, centredLines(gr.label, gr.n, gw - 2 * INNER, fs)));
    const h = Math.max(...gbs.map((b) => b.box.y1 - b.box.y0));
    const barY = analysed.box.y1 + 11;
    const centres = gbs.map((b) => (b.box.x0 + b.box.x1) / 2);
    arrows.push({ points: [[mainCx, analysed.box.y1], [mainCx, barY]], head: false });
    if (k > 1) arrows.push({ points: [[Math.min(...centres), barY], [Math.max(...centres), barY]], head: false });
    for (const c of centres) arrows.push({ points: [[c, barY], [c, gy0]], head: true });
    for (const b of gbs) boxes.push({ box: { ...b.box, y1: b.box.y0 + h }, lines: b.lines });
    bottom = gy0 + h;
  }

  return { width, height: bottom + PAD, fontSize: fs, boxes, arrows, arrowSize: 3.2, description: flowDescription(data, excludedN) };
}

function flowDescription(data: FlowFigureData, excludedN: number): string {
  const parts: string[] = [];
  if (data.description) parts.push(data.description.trim().replace(/\.?$/, '.'));
  const n = (x: number | null | undefined): string => (finite(x) ? String(x) : 'unknown');
  const reasons = (data.exclusions ?? []).map((e) => `${e.reason} (${n(e.n)})`).join('; ');
  parts.push(
    `Participant flow: ${data.screened?.label ?? 'patients screened'}, n = ${n(data.screened?.n)}; excluded n = ${n(excludedN)}` +
      `${reasons ? `: ${reasons}` : ''}; ${data.analysed?.label ?? 'analysed'}, n = ${n(data.analysed?.n)}.`,
  );
  const groups = data.groups ?? [];
  if (groups.length) parts.push(`Groups: ${groups.map((gr) => `${gr.label}, n = ${n(gr.n)}`).join('; ')}.`);
  return parts.join(' ');
}
