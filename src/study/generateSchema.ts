/**
 * Generates the study-file JSON Schema from src/study/types.ts with ts-json-schema-generator
 * (a development tool: `npm run schema` writes schema/study.schema.json; a test checks the
 * committed file equals a fresh generation). The runtime reads the committed JSON, never this.
 *
 * @example
 * // generateStudySchema('/work/main').definitions.StudySpec.required  // ['version', 'sources', 'variables']
 */
import { resolve } from 'node:path';

export const SCHEMA_ID = 'https://siilab.invalid/schema/study.schema.json';

export async function generateStudySchema(root: string): Promise<Record<string, unknown>> {
  const { createGenerator } = await import('ts-json-schema-generator');
  const schema = createGenerator({
    path: resolve(root, 'src/study/types.ts'),
    tsconfig: resolve(root, 'tsconfig.json'),
    type: 'StudySpec',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    sortProps: true,
    skipTypeCheck: true,
  }).createSchema('StudySpec');
  return { $id: SCHEMA_ID, ...schema } as Record<string, unknown>;
}

/** The schema file's text: stable key order, two-space indent, trailing newline. */
export function schemaText(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Writes schema/study.schema.json under `root` (what `npm run schema` runs, after a build). */
export async function writeStudySchema(root: string): Promise<string> {
  const { writeFile, mkdir } = await import('node:fs/promises');
  const out = resolve(root, 'schema/study.schema.json');
  await mkdir(resolve(root, 'schema'), { recursive: true });
  await writeFile(out, schemaText(await generateStudySchema(root)));
  return out;
}
