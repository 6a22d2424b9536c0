/**
 * scripts/ by role: cli/ (command-line tools), bench/ (benchmarks) and build/ hold only what is run, each
 * by an npm script (or, for the system packages, by CI and the quick start); support/ holds what they
 * share. A file no command runs is dead or lost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './import-graph';

const RUNNABLE_FOLDERS = ['scripts/cli', 'scripts/bench', 'scripts/build'];

const npmScripts: Record<string, string> = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts;
const commands = [...Object.values(npmScripts), readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8')].join('\n');
const named = [...commands.matchAll(/scripts\/[\w./-]+\.(?:ts|sh)/g)].map((m) => m[0]);

describe('scripts', () => {
  const runnable = RUNNABLE_FOLDERS.flatMap((folder) =>
    readdirSync(join(PROJECT_ROOT, folder))
      .filter((name) => !name.endsWith('.test.ts'))
      .map((name) => `${folder}/${name}`),
  );

  it('are each run by an npm script', () => expect(runnable.filter((file) => !named.includes(file))).toEqual([]));

  it('are where the npm scripts look for them', () => expect(named.filter((file) => !runnable.includes(file))).toEqual([]));
});
