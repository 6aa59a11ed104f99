/** Paths to ../shared (real cohorts, seeds): tests that need them skip cleanly when absent. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED = resolve(process.cwd(), '..', 'shared');
export const REAL = resolve(SHARED, 'data', 'real');
export const SEEDS = resolve(SHARED, 'seeds');
export const hasReal = existsSync(REAL);
export const hasSeeds = existsSync(SEEDS);
