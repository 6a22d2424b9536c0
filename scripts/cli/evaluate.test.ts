import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { renderWatch } from '../../tests/support/non-garments';
import { renderTestImage } from '../../lib/node/product-photos';
import { SHARD_DIR, readFromDir } from '../../lib/node/fashion-mnist';

const run = promisify(execFile);

describe('npm run evaluate -- --images DIR --out-of-scope DIR2', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'garment-scout-evaluate-'));
    const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: 4 }); // 2 and 3 are trousers
    await mkdir(join(dir, 'garments', 'Trouser'), { recursive: true });
    await mkdir(join(dir, 'others'));
    for (const i of [2, 3]) await writeFile(join(dir, 'garments', 'Trouser', `${i}.png`), await renderTestImage(test.images.subarray(i * PIXELS, (i + 1) * PIXELS), 300));
    await writeFile(join(dir, 'others', 'watch.png'), await renderWatch());
    await writeFile(join(dir, 'others', 'notes.txt'), 'not a photo: left out');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints how well the out-of-scope verdict tells the two folders apart, as JSON', async () => {
    const { stdout } = await run('npx', ['tsx', 'scripts/cli/evaluate.ts', '--images', join(dir, 'garments'), '--out-of-scope', join(dir, 'others'), '--json']);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ count: 2, accuracy: 1 });
    expect(result.outOfScope).toMatchObject({
      inScopeCalledOut: 0,
      macroAccuracyCountingOutOfScopeWrong: 1,
      outOfScopeCount: 1,
      auroc: 1,
      fprAt95Tpr: 0,
      outOfScopeCalledOut: 1,
    });
    expect(result.outOfScope.threshold).toBeGreaterThan(0.3);
  });

  it('refuses --out-of-scope without the in-scope photos', async () => {
    const failure = await run('npx', ['tsx', 'scripts/cli/evaluate.ts', '--out-of-scope', join(dir, 'others')]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/--out-of-scope DIR2 goes with --images DIR/);
  });
});
