import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

describe('siilab power', () => {
  it('log-rank events and patients', async () => {
    const r = await runCli(['power', '--method', 'logrank', '--hr', '2', '--event-prob', '0.5', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ eventsRequired: 66, patientsRequired: 132 });
  });
  it('AUC sample size and power', async () => {
    const r = await runCli(['power', '--method', 'auc', '--auc', '0.8', '--json']);
    expect(r.code).toBe(0);
    const n = r.json().nCases;
    const p = await runCli(['power', '--method', 'auc', '--auc', '0.8', '--cases', String(n), '--json']);
    expect(p.json().power).toBeGreaterThanOrEqual(0.8);
  });
  it('events per variable (yu2023)', async () => {
    const r = await runCli(['power', '--method', 'epv', '--variables', '10', '--event-rate', '0.5']);
    expect(r.stdout).toContain('200 patients');
  });
  it('refuses nonsense with exit 2', async () => {
    expect((await runCli(['power', '--method', 'logrank', '--hr', '1'])).code).toBe(2);
    expect((await runCli(['power', '--method', 'auc', '--auc', '1.2'])).code).toBe(2);
    const r = await runCli(['power', '--method', 'cox']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--method must be one of logrank, auc, epv');
  });
});
