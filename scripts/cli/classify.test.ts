import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { renderWatch } from '../../tests/support/non-garments';
import { renderTestImage } from '../../lib/node/product-photos';
import { SHARD_DIR, readFromDir } from '../../lib/node/fashion-mnist';
import { SKIN_TONES, drawnPerson } from '../../lib/preprocess/testing/pictures';

const run = promisify(execFile);

describe('npm run classify', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'garment-scout-classify-'));
    const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: 3 });
    const trouser = await renderTestImage(test.images.subarray(2 * PIXELS, 3 * PIXELS), 300); // test image 2 is a trouser
    await writeFile(join(dir, 'a-trouser.png'), trouser);
    await writeFile(join(dir, 'b-trouser.jpg'), await sharp(trouser).jpeg().toBuffer());
    await writeFile(join(dir, 'c-trouser.webp'), await sharp(trouser).webp().toBuffer());
    await writeFile(join(dir, 'd-trouser.gif'), await sharp(trouser).gif().toBuffer());
    await writeFile(join(dir, 'e-notes.txt'), 'not an image');
    await writeFile(join(dir, 'f-watch.png'), await renderWatch());
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers every image in a folder as JSON lines, reports the file that is not an image, and exits 1', async () => {
    const failure = await run('npx', ['tsx', 'scripts/cli/classify.ts', dir, '--json', '--save-input', join(dir, 'seen')]).catch((e) => e);
    expect(failure.code).toBe(1);
    const lines = failure.stdout.trim().split('\n').map((l: string) => JSON.parse(l));
    expect(lines.map((l: { file: string }) => l.file.slice(dir.length + 1))).toEqual(['a-trouser.png', 'b-trouser.jpg', 'c-trouser.webp', 'd-trouser.gif', 'e-notes.txt', 'f-watch.png']);
    for (const line of lines.slice(0, 4)) {
      expect(line).toMatchObject({ label: 'Trouser', index: 1, unsure: false, verdict: 'answer' });
      expect(line.inScopeScore).toBeGreaterThan(0.9);
      expect(line.top3).toHaveLength(3);
    }
    expect(lines[4].error).toMatch(/not an image/);
    expect(lines[5]).toMatchObject({ verdict: 'out-of-scope', unsure: false });
    expect(lines[5].inScopeScore).toBeLessThan(0.9);
    const seen = await sharp(join(dir, 'seen', 'a-trouser.png')).metadata();
    expect([seen.width, seen.height]).toEqual([28, 28]);
  });

  it('names a T-shirt worn by a drawn person, whatever the skin tone, as the T-shirt it is', async () => {
    const files: string[] = [];
    for (const [k, skin] of SKIN_TONES.entries()) {
      const { width, height, data } = drawnPerson({ kind: 'T-shirt', colour: [200, 40, 40] }, skin);
      files.push(join(dir, `worn-${k}.png`));
      await sharp(Buffer.from(data), { raw: { width, height, channels: 4 } }).png().toFile(files[k]);
    }
    const { stdout } = await run('npx', ['tsx', 'scripts/cli/classify.ts', ...files, '--json']);
    for (const line of stdout.trim().split('\n').map((l: string) => JSON.parse(l))) {
      expect(line, line.file).toMatchObject({ label: 'T-shirt/top', verdict: 'answer' });
    }
  });
});
