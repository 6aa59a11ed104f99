// Generates schema/study.schema.json from the TypeScript types in src/study/types.ts with
// ts-json-schema-generator (a development tool). `npm run schema` runs this file; the test
// test/study/schema.test.ts checks that the committed schema equals a fresh generation.
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SCHEMA_ID = 'https://siilab.invalid/schema/study.schema.json';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The schema object (the file's content). */
export async function generateStudySchema(root = ROOT) {
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
  return { $id: SCHEMA_ID, ...schema };
}

/** The schema file's text: two-space indent, trailing newline. */
export const schemaText = (schema) => JSON.stringify(schema, null, 2) + '\n';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = resolve(ROOT, 'schema/study.schema.json');
  await writeFile(out, schemaText(await generateStudySchema()));
  console.log(`wrote ${out}`);
}
