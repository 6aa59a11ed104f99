/** The inflammation indices and liver-function scores, one per file; this file only re-exports them. */
export { sii } from './sii.js';
export { nlr } from './nlr.js';
export { plr } from './plr.js';
export { dnlr } from './dnlr.js';
export { siri } from './siri.js';
export { piv } from './piv.js';
export { albi } from './albi.js';
export { albiGrade, type AlbiGrade } from './albiGrade.js';
export { childPugh, ASCITES, ENCEPHALOPATHY, type ChildPughInput, type ChildPughResult } from './childPugh.js';
export { computeIndices, type IndexInputs, type IndexSet, type IndicesResult } from './computeIndices.js';
export { tableIndices, INDEX_NAMES, type CountMapping, type RowIndices, type TableIndicesResult } from './tableIndices.js';
