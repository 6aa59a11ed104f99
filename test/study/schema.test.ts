import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generateStudySchema, schemaText } from '../../schema/generate.mjs';

test('the committed schema/study.schema.json equals a fresh generation from src/study/types.ts (run npm run schema)', async () => {
  const committed = readFileSync('schema/study.schema.json', 'utf8');
  expect(committed).toBe(schemaText(await generateStudySchema()));
}, 60000);
