/**
 * Publication figures as pure functions from results to SVG strings (shared by the report and
 * the web interface). Rasterise with src/report/png.ts (svgToPng).
 */
export type { KmAtRisk, KmFigureData, KmGroupData, KmLogRank, KmStepPoint } from './kmData.js';
export type { RocCurveData, RocFigureData, RocOptimalCutoff, RocPoint } from './rocData.js';
export type { ForestFigureData, ForestPanel, ForestRow } from './forestData.js';
export type { FlowBoxData, FlowExclusion, FlowFigureData } from './flowData.js';
export type { KmLayout, KmOptions } from './kmLayout.js';
export type { RocLayout, RocOptions } from './rocLayout.js';
export type { ForestLayout, ForestOptions } from './forestLayout.js';
export type { FlowLayout, FlowOptions } from './flowLayout.js';
export type { FigureWidth } from './figureFrame.js';
export { kmLayout, kmTimeTicks } from './kmLayout.js';
export { kmSvg, kmSvgFromLayout } from './kmSvg.js';
export { rocLayout, rocPath } from './rocLayout.js';
export { rocSvg, rocSvgFromLayout } from './rocSvg.js';
export { forestEstimateText, forestLayout } from './forestLayout.js';
export { forestSvg, forestSvgFromLayout } from './forestSvg.js';
export { flowLayout } from './flowLayout.js';
export { flowSvg, flowSvgFromLayout } from './flowSvg.js';
export type { NomogramFigureData, NomogramRowData } from './nomogramData.js';
export { nomogramFigureData } from './nomogramData.js';
export { nomogramLayout } from './nomogramLayout.js';
export { nomogramSvg, nomogramSvgFromLayout } from './nomogramSvg.js';
export { COLUMN_WIDTH_MM, FONT_FAMILY } from './figureFrame.js';
export { OKABE_ITO, SERIES_COLOURS, seriesStyle } from './palette.js';
