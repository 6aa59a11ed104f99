/**
 * The one set of migrations, for SQLite and PostgreSQL alike. Portable SQL; {{BLOB}} becomes BLOB
 * (SQLite) or BYTEA (PostgreSQL). Append new migrations; never edit an applied one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cohorts, studies, runs, reports',
    sql: `
CREATE TABLE cohorts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  content {{BLOB}} NOT NULL,
  inspect_json TEXT NOT NULL
);
CREATE TABLE studies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  cohort_id TEXT REFERENCES cohorts(id),
  spec_yaml TEXT NOT NULL
);
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  study_id TEXT NOT NULL REFERENCES studies(id),
  created_at TEXT NOT NULL,
  status TEXT NOT NULL,
  bundle_json TEXT,
  error TEXT
);
CREATE TABLE reports (
  run_id TEXT NOT NULL REFERENCES runs(id),
  format TEXT NOT NULL,
  content {{BLOB}} NOT NULL,
  PRIMARY KEY (run_id, format)
);
CREATE INDEX runs_study ON runs(study_id);
`,
  },
];
