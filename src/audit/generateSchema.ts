/**
 * Generates the paper-file JSON Schema from src/audit/types.ts with ts-json-schema-generator (a
 * development tool: `npm run schema:audit` writes schema/audit.schema.json; a test checks the
 * committed file equals a fresh generation). The runtime reads the committed JSON, never this.
 *
 * @example
 * // (await generateAuditSchema('/work/main')).definitions.PaperDoc.required // ['groups', 'id', 'title']
 */
import { resolve } from 'node:path';

export const AUDIT_SCHEMA_ID = 'https://siilab.invalid/schema/audit.schema.json';

export async function generateAuditSchema(root: string): Promise<Record<string, unknown>> {
  const { createGenerator } = await import('ts-json-schema-generator');
  const schema = createGenerator({
    path: resolve(root, 'src/audit/types.ts'),
    tsconfig: resolve(root, 'tsconfig.json'),
    type: 'PaperDoc',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    sortProps: true,
    skipTypeCheck: true,
  }).createSchema('PaperDoc');
  return { $id: AUDIT_SCHEMA_ID, ...schema } as Record<string, unknown>;
}

/** The schema file's text: two-space indent, trailing newline. */
export function auditSchemaText(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Writes schema/audit.schema.json under `root` (what `npm run schema:audit` runs, after a build). */
export async function writeAuditSchema(root: string): Promise<string> {
  const { writeFile, mkdir } = await import('node:fs/promises');
  const out = resolve(root, 'schema/audit.schema.json');
  await mkdir(resolve(root, 'schema'), { recursive: true });
  await writeFile(out, auditSchemaText(await generateAuditSchema(root)));
  return out;
}
