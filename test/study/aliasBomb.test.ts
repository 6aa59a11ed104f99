/** A YAML alias bomb in a study file is a data error (exit 3, one message naming the file), never an internal error. */
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../src/study/parseSpec.js';
import { SiilabError } from '../../src/errors.js';

const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefgh'[i]).join(',')}]`), 'version: 1', 'sources: [{ file: a.csv }]', 'variables: *h', ''].join('\n');

describe('YAML alias bomb', () => {
  it('is refused as a data error naming the file', () => {
    let err: unknown = null;
    try {
      parseSpecText('study.yaml', bomb);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SiilabError);
    expect((err as SiilabError).kind).toBe('data');
    expect((err as SiilabError).message).toMatch(/study\.yaml/);
    expect((err as SiilabError).message).toMatch(/alias/i);
  });
});
