/**
 * The web application's persistence: studies, uploaded cohorts, runs and reports. One interface,
 * two implementations over the same migrations: embedded SQLite (default, a file in the data
 * directory) and PostgreSQL (when DATABASE_URL is set).
 */
export interface CohortRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly inspect: unknown;
}

export interface StudyRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly cohortId: string | null;
  readonly specYaml: string;
}

export interface RunRecord {
  readonly id: string;
  readonly studyId: string;
  readonly createdAt: string;
  readonly status: 'done' | 'failed';
  readonly error: string | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<number[]>;
  addCohort(c: CohortRecord, content: Uint8Array): Promise<void>;
  listCohorts(): Promise<CohortRecord[]>;
  getCohort(id: string): Promise<(CohortRecord & { content: Uint8Array }) | null>;
  addStudy(s: StudyRecord): Promise<void>;
  listStudies(): Promise<StudyRecord[]>;
  getStudy(id: string): Promise<StudyRecord | null>;
  addRun(r: RunRecord, bundleJson: string | null): Promise<void>;
  listRuns(studyId?: string): Promise<RunRecord[]>;
  getRunBundle(id: string): Promise<string | null>;
  getRun(id: string): Promise<RunRecord | null>;
  putReport(runId: string, format: string, content: Uint8Array): Promise<void>;
  getReport(runId: string, format: string): Promise<Uint8Array | null>;
  close(): Promise<void>;
}
