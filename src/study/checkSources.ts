/**
 * Checks the `sources:` of a study: each names exactly one place to read from (`file`, `parquet`,
 * `duckdb` or `postgres`), a database source has `table:` or `query:` (not both), file-only fields
 * (`sheet`, `header`, `columns`, `decimal`) appear only on files, and `postgres:` names an
 * environment variable (`"$DATABASE_URL"`), never a connection string. One message per problem,
 * naming the line and field.
 *
 * @example
 * checkSources(spec, loc) // throws "study.yaml, line 3, field sources[0].postgres: write the name of an environment variable …"
 */
import { dataError } from '../errors.js';
import { postgresVariable, sourceKind } from '../io/readSource.js';
import { studyMessages } from '../messages/index.js';
import type { SpecLocator } from './specLocator.js';
import type { StudySpec } from './types.js';

const KINDS = ['file', 'parquet', 'duckdb', 'postgres'] as const;
const FILE_ONLY = ['sheet', 'header', 'columns', 'decimal'] as const;

export function checkSources(spec: StudySpec, loc: SpecLocator): void {
  spec.sources.forEach((s, i) => {
    const where = (field?: string) => loc.where(field ? ['sources', i, field] : ['sources', i]);
    const kind = sourceKind(s);
    if (kind === null) {
      const named = KINDS.filter((k) => s[k] !== undefined);
      throw dataError(named.length ? studyMessages.sourceKindMany(where(named[1]), [...named]) : studyMessages.sourceKindNone(where()));
    }
    if (kind === 'duckdb' || kind === 'postgres') {
      if ((s.table === undefined) === (s.query === undefined)) throw dataError(studyMessages.sourceTableOrQuery(where(s.query !== undefined ? 'query' : kind), kind));
    } else {
      for (const f of ['table', 'query'] as const) if (s[f] !== undefined) throw dataError(studyMessages.sourceNoTableHere(where(f), f, kind));
    }
    if (kind !== 'file') for (const f of FILE_ONLY) if (s[f] !== undefined) throw dataError(studyMessages.sourceFileOnly(where(f), f));
    if (kind === 'postgres' && postgresVariable(s.postgres!) === null) throw dataError(studyMessages.postgresLiteral(where('postgres')));
  });
}
