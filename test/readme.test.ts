/** README stays true: its quick-start lines, its spec example (valid, and the one in examples/), its commands. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSpecText } from '../src/study/parseSpec.js';
import { commands } from '../src/cli/commands.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('opens with the two quick-start lines, and .ci/run runs the test line', () => {
    const lines = readme.split('\n').slice(0, 6).join('\n');
    expect(lines).toContain('npm ci && npm start');
    expect(lines).toContain('npm ci && npm test');
    expect(readFileSync('.ci/run', 'utf8')).toContain('npm ci && npm test');
  });
  it('shows a complete study spec that validates and is examples/hong2021/study.yaml', () => {
    const m = /```yaml\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    expect(() => parseSpecText('README.md', m![1])).not.toThrow();
    const file = readFileSync('examples/hong2021/study.yaml', 'utf8').split('\n').filter((l) => !l.startsWith('#')).join('\n').trim();
    expect(m![1].trim()).toBe(file);
  });
  it('lists every command', () => {
    for (const name of Object.keys(commands)) expect(readme).toContain(`\`${name}`);
  });
});
