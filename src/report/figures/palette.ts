/**
 * Okabe–Ito colour-blind-safe palette (Okabe M, Ito K. Color Universal Design, 2008), ordered for
 * figure series, with a dash pattern per series so that curves stay distinguishable in grey-scale
 * print. Yellow (#F0E442) is left out: it vanishes on white.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Series colours in the order figures use them. */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
];

/** Dash patterns (stroke-dasharray, in pt at line width 1) paired with the colours; '' is solid. */
export const SERIES_DASHES: readonly string[] = ['', '4 2', '1 1.5', '6 2 1 2', '2 2', '8 2', '1 3'];

/** Neutral greys for axes, reference lines and text. */
export const INK = { text: '#000000', axis: '#000000', reference: '#666666', light: '#B0B0B0', boxFill: '#FFFFFF' } as const;

/** Colour and dash of series `i` (cycling past the end). @example seriesStyle(1) // { colour: '#D55E00', dash: '4 2' } */
export function seriesStyle(i: number): { colour: string; dash: string } {
  const k = ((i % SERIES_COLOURS.length) + SERIES_COLOURS.length) % SERIES_COLOURS.length;
  return { colour: SERIES_COLOURS[k], dash: SERIES_DASHES[k] };
}
