import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditSchemaText, generateAuditSchema } from '../../src/audit/generateSchema.js';

describe('schema/audit.schema.json', () => {
  it('equals a fresh generation from src/audit/types.ts (run `npm run schema:audit` after changing the types)', async () => {
    const fresh = auditSchemaText(await generateAuditSchema(process.cwd()));
    expect(readFileSync('schema/audit.schema.json', 'utf8')).toBe(fresh);
  }, 60_000);
});
