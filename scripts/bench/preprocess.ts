/**
 * Speed of lib/preprocess: median milliseconds per image on synthetic photos built here (a few shapes on
 * plain, noisy and coloured backgrounds at 320, 512 and 1000 px, and one 8000x8000 image), and, when the
 * shared dev photos exist beside the repository, on those too (as published, and resized to fit 320 and
 * 512 px). Each image is run a few times after a warm-up; the median is over all runs of a group.
 *
 *   npm run bench:preprocess -- [--reps 5] [--photos DIR] [--against MODULE] [--json]
 *
 * --against MODULE times another implementation with the same `preprocess` export (e.g. an older copy
 * kept outside the repository) on the same images, and prints both columns and the speed-up.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { preprocess } from '../../lib/preprocess';
import type { Preprocessed, RgbaImage } from '../../lib/preprocess';
import { rng } from '../../lib/preprocess/testing/helpers';
import { JSON_OPTION, printFigures, rounded } from '../support/bench-output';
import { numberOption, runCli, UserError } from '../support/run-cli';

type Rgb = [number, number, number];
/** Whether pixel (x, y) of a w x h canvas belongs to the shape. */
type Shape = (x: number, y: number, w: number, h: number) => boolean;
type Background = (w: number, h: number) => Uint8ClampedArray;

const SHAPES: Record<string, Shape> = {
  tshirt: (x, y, w, h) => {
    const u = (x - 0.2 * w) / (0.6 * w);
    const v = (y - 0.15 * h) / (0.7 * h);
    if (u < 0 || u >= 1 || v < 0 || v >= 1) return false;
    return (u >= 0.22 && u < 0.78) || (v < 0.35 && !(v < 0.08 && u > 0.4 && u < 0.6));
  },
  bag: (x, y, w, h) => {
    const body = x >= 0.25 * w && x < 0.75 * w && y >= 0.4 * h && y < 0.8 * h;
    const r = Math.hypot((x - 0.5 * w) / (0.15 * w), (y - 0.4 * h) / (0.15 * h));
    return body || (y < 0.4 * h && r >= 0.8 && r <= 1); // a handle with a hole under it
  },
  shoe: (x, y, w, h) => {
    const sole = ((x - 0.5 * w) / (0.38 * w)) ** 2 + ((y - 0.62 * h) / (0.1 * h)) ** 2 <= 1;
    const shaft = x >= 0.55 * w && x < 0.82 * w && y >= 0.35 * h && y < 0.62 * h;
    return sole || shaft;
  },
};

function fill(w: number, h: number, pixel: (p: number) => Rgb): Uint8ClampedArray {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let p = 0; p < w * h; p++) data.set([...pixel(p), 255], p * 4);
  return data;
}

const BACKGROUNDS: Record<string, Background> = {
  plain: (w, h) => new Uint8ClampedArray(w * h * 4).fill(255),
  noisy: (w, h) => {
    const r = rng(7);
    return fill(w, h, () => {
      const n = (r() * 2 - 1) * 30;
      return [190 + n, 175 + n * 0.8, 150 + n * 0.6];
    });
  },
  coloured: (w, h) => fill(w, h, (p) => [40, 110 + Math.round((30 * (p % w)) / w), 70]),
};

const COLOURS: Rgb[] = [
  [40, 60, 140],
  [200, 40, 40],
  [30, 30, 30],
];

function scene(w: number, h: number, background: Background, shape: Shape, colour: Rgb): RgbaImage {
  const data = background(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) if (shape(x, y, w, h)) data.set(colour, (y * w + x) * 4);
  }
  return { width: w, height: h, data };
}

/** A 8000x8000 photo: a dark rectangle on white, filled by rows (a per-pixel fill would take seconds). */
function huge(): RgbaImage {
  const w = 8000;
  const data = new Uint8ClampedArray(w * w * 4).fill(255);
  const row = new Uint8ClampedArray(2000 * 4);
  for (let i = 0; i < row.length; i += 4) row.set([30, 40, 90, 255], i);
  for (let y = 2000; y < 6500; y++) data.set(row, (y * w + 3000) * 4);
  return { width: w, height: w, data };
}

export interface NamedImage {
  name: string;
  image: RgbaImage;
}

/** The synthetic images, by group (long side in pixels): every shape on every background. */
export function syntheticImages(): Map<string, NamedImage[]> {
  const groups = new Map<string, NamedImage[]>();
  for (const side of [320, 512, 1000]) {
    const list: NamedImage[] = [];
    Object.entries(SHAPES).forEach(([shapeName, shape], i) => {
      Object.entries(BACKGROUNDS).forEach(([bgName, bg], j) => {
        // Portrait, landscape and square frames in turn.
        const [w, h] = [[side * 0.75, side], [side, side * 0.75], [side, side]][(i + j) % 3].map(Math.round);
        list.push({ name: `${shapeName} on ${bgName} ${w}x${h}`, image: scene(w, h, bg, shape, COLOURS[(i + j) % 3]) });
      });
    });
    groups.set(`${side} px`, list);
  }
  groups.set('8000 px', [{ name: 'rectangle 8000x8000', image: huge() }]);
  return groups;
}

/** Dev photos decoded with sharp: as published, and resized to fit `side` x `side` for each side. */
export async function devPhotos(dir: string, sides: number[]): Promise<Map<string, NamedImage[]>> {
  const { default: sharp } = await import('sharp');
  const files = readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
  const groups = new Map<string, NamedImage[]>();
  for (const side of [0, ...sides]) {
    const list: NamedImage[] = [];
    for (const file of files) {
      const pipeline = side ? sharp(join(dir, file)).resize(side, side, { fit: 'inside' }) : sharp(join(dir, file));
      const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      list.push({ name: file, image: { width: info.width, height: info.height, data } });
    }
    groups.set(side ? `dev photos fit to ${side}` : 'dev photos as published', list);
  }
  return groups;
}

type Preprocess = (image: RgbaImage) => Preprocessed;

const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];

/**
 * Median ms per call of each implementation over `reps` timed runs of every image, after one untimed run
 * of each. Implementations take turns image by image, so a busy machine slows them alike.
 */
function timeGroup(runs: Preprocess[], images: NamedImage[], reps: number): number[] {
  for (const run of runs) for (const { image } of images) run(image);
  const times = runs.map((): number[] => []);
  for (let r = 0; r < reps; r++) {
    for (const { image } of images) {
      runs.forEach((run, k) => {
        const t = performance.now();
        run(image);
        times[k].push(performance.now() - t);
      });
    }
  }
  return times.map(median);
}

async function main(): Promise<void> {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const { values: args } = parseArgs({
    options: {
      reps: { type: 'string', default: '5' },
      photos: { type: 'string', default: resolve(repo, '../shared/realphotos-dev/images') },
      against: { type: 'string' },
      ...JSON_OPTION,
    },
  });
  const reps = numberOption('reps', args.reps, { whole: true, min: 1 });
  if (args.against && !existsSync(args.against)) throw new UserError(`--against ${args.against}: no such file`);
  const other: Preprocess | null = args.against
    ? (await import(pathToFileURL(resolve(args.against)).href)).preprocess
    : null;
  const groups = syntheticImages();
  if (existsSync(args.photos)) {
    for (const [name, list] of await devPhotos(args.photos, [320, 512])) groups.set(name, list);
  } else {
    process.stderr.write(`(no dev photos at ${args.photos}: synthetic images only)\n`);
  }
  const rows: { group: string; images: number; ms: number; againstMs?: number }[] = [];
  for (const [group, images] of groups) {
    // The 8000 px image is slow to run: fewer repetitions, still a median.
    const n = group === '8000 px' ? Math.max(3, Math.ceil(reps / 2)) : reps;
    const [ms, againstMs] = timeGroup(other ? [preprocess, other] : [preprocess], images, n);
    rows.push({ group, images: images.length, ms, againstMs });
  }
  // By group name: { "320 px": { "images": 6, "ms": 13.6, "againstMs": … }, … }
  const figures = Object.fromEntries(
    rows.map((r) => [r.group, { images: r.images, ms: rounded(r.ms, 1), ...(r.againstMs !== undefined && { againstMs: rounded(r.againstMs, 1) }) }]),
  );
  printFigures(args.json, figures, () => {
    console.log(`median ms per image (${reps} runs of each image)`);
    console.log(`${'group'.padEnd(28)}${'images'.padStart(7)}${'ms'.padStart(9)}${other ? `${'against'.padStart(9)}${'speed-up'.padStart(10)}` : ''}`);
    for (const r of rows) {
      const extra = r.againstMs !== undefined ? `${r.againstMs.toFixed(1).padStart(9)}${`${(r.againstMs / r.ms).toFixed(1)}x`.padStart(10)}` : '';
      console.log(`${r.group.padEnd(28)}${String(r.images).padStart(7)}${r.ms.toFixed(1).padStart(9)}${extra}`);
    }
  });
}

await runCli(main);
