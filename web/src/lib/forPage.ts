/**
 * The engine's messages name command-line options; a web page has fields instead.
 * @example forPage('pass --model FILE (--model)') // → 'load a model file'
 * @example forPage('give --afp-unit') // → 'give afp unit'
 */
export const forPage = (m: string): string =>
  m.replace(/pass --model FILE/g, 'load a model file').replace(/\s*\(--[a-z-]+\)/g, '').replace(/--([a-z]+)-unit/g, '$1 unit').replace(/--([a-z-]+)/g, '$1');
