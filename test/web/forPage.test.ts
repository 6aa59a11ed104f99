import { describe, expect, it } from 'vitest';
import { forPage } from '../../web/src/lib/forPage.js';

describe('forPage: engine messages without command-line options', () => {
  it('turns options into field names', () => {
    expect(forPage('pass --model FILE (--model)')).toBe('load a model file');
    expect(forPage('give --afp-unit')).toBe('give afp unit');
    expect(forPage('set --child-pugh')).toBe('set child-pugh');
    expect(forPage('no options here')).toBe('no options here');
  });
});
