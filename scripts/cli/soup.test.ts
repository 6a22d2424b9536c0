import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METADATA_FILE } from '../../lib/model/contract';
import { loadModel } from '../../lib/model/io';
import { useWasmBackend } from '../../lib/tf/backend';
import { readFromDir } from '../../lib/node/fashion-mnist';
import { BUNDLED_MODEL_DIR } from '../support/model-folder';

const run = promisify(execFile);

describe('npm run soup -- RUN_DIR RUN_DIR...', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'garment-scout-soup-'));
    await cp(BUNDLED_MODEL_DIR, join(dir, 'other-start'), { recursive: true });
    const metadata = JSON.parse(await readFile(join(dir, 'other-start', METADATA_FILE), 'utf8'));
    metadata.training.continuedFrom = 'bundled-20250101-00000000';
    await writeFile(join(dir, 'other-start', METADATA_FILE), JSON.stringify(metadata));
    await useWasmBackend();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the mean of the runs, calibrated, tested and with its own detector', async () => {
    const out = join(dir, 'soup');
    await run('npx', ['tsx', 'scripts/cli/soup.ts', '--out', out, BUNDLED_MODEL_DIR, BUNDLED_MODEL_DIR]);
    const bundled = await loadModel(readFromDir(BUNDLED_MODEL_DIR));
    const soup = await loadModel(readFromDir(out));
    const training = soup.metadata.training as { soupOf: { version: string }[]; continuedFrom: string };
    expect(training.soupOf.map((r) => r.version)).toEqual([bundled.metadata.version, bundled.metadata.version]);
    expect(training.continuedFrom).toBe(bundled.metadata.training.continuedFrom);
    // The mean of a model and itself is that model; a temperature refitted on top only rescales the
    // logits, so every test answer, and the accuracy, stay the same.
    expect(soup.metadata.test?.accuracy).toBe(bundled.metadata.test?.accuracy);
    expect(soup.metadata.temperature).toBeCloseTo(1, 2);
    expect(Array.from(soup.model.getLayer('conv1_1').getWeights()[0].dataSync())).toEqual(
      Array.from(bundled.model.getLayer('conv1_1').getWeights()[0].dataSync()),
    );
    expect(soup.metadata.outOfScope.threshold).toBeCloseTo(bundled.metadata.outOfScope.threshold, 2);
    expect(existsSync(join(out, 'training-curves.png'))).toBe(false);
  }, 180_000);

  it('refuses runs fine-tuned from different models', async () => {
    const failure = await run('npx', ['tsx', 'scripts/cli/soup.ts', '--out', join(dir, 'never'), BUNDLED_MODEL_DIR, join(dir, 'other-start')]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/was fine-tuned from bundled-20250101-00000000, not from .*: only runs from one model can be averaged/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  }, 60_000);
});
