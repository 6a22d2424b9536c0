/**
 * Dev tool: runs lib/preprocess on a folder of photos and writes a contact sheet PNG of what the model
 * would see, to judge by eye whether the 28x28 inputs look like Fashion-MNIST items.
 *
 *   npx tsx scripts/preview-preprocess.ts [--dir DIR] [--out FILE.png] [--classes 0,1] [--max N] [--originals]
 *
 * DIR holds labels.csv (file,fmnist_label,...) and the images it names; by default the shared dev photos
 * beside the repository (../shared/realphotos-dev). The sheet goes to the system temp folder unless --out
 * says otherwise: never write it, or the photos, into the repository.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { preprocess } from '../lib/preprocess';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: resolve(repo, '../shared/realphotos-dev') },
    out: { type: 'string', default: join(tmpdir(), 'garment-scout-preview', 'contact-sheet.png') },
    classes: { type: 'string', default: '' },
    max: { type: 'string', default: '25' },
    originals: { type: 'boolean', default: false },
    scale: { type: 'string', default: '3' },
    cols: { type: 'string', default: '25' },
  },
});

const SCALE = Number(args.scale);
const T = 28 * SCALE; // tile side
const classes = args.classes ? new Set(args.classes.split(',').map(Number)) : null;
const rows = new Map<number, string[]>();
for (const line of readFileSync(join(args.dir, 'labels.csv'), 'utf8').trim().split('\n').slice(1)) {
  const [file, label] = line.split(',');
  const c = Number(label);
  if (classes && !classes.has(c)) continue;
  const list = rows.get(c) ?? [];
  if (list.length < Number(args.max)) list.push(file);
  rows.set(c, list);
}
const order = [...rows.keys()].sort((a, b) => a - b);
const perCell = args.originals ? 2 : 1;
const cols = Math.min(Number(args.cols), Math.max(...order.map((c) => rows.get(c)!.length)));
// Each class starts a new line of the grid and wraps after `cols` cells.
const lineOf = new Map<number, number>();
let lines = 0;
for (const c of order) {
  lineOf.set(c, lines);
  lines += Math.ceil(rows.get(c)!.length / cols);
}
const W = cols * perCell * T + (cols - 1) * 4;
const H = lines * T + (lines - 1) * 4;
const sheet = Buffer.alloc(W * H * 3, 40);

function paste(rgb: Buffer, tw: number, th: number, left: number, top: number): void {
  for (let y = 0; y < th; y++) rgb.copy(sheet, ((top + y) * W + left) * 3, y * tw * 3, (y + 1) * tw * 3);
}

let failed = 0;
let totalMs = 0;
for (const c of order) {
  for (const [k, file] of rows.get(c)!.entries()) {
    const i = k % cols;
    const r = lineOf.get(c)! + Math.floor(k / cols);
    const { data, info } = await sharp(join(args.dir, file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const t0 = performance.now();
    const res = preprocess({ width: info.width, height: info.height, data: new Uint8Array(data) });
    totalMs += performance.now() - t0;
    const left = i * (perCell * T + 4);
    const top = r * (T + 4);
    const out = Buffer.alloc(T * T * 3);
    if (res.ok) {
      for (let y = 0; y < T; y++)
        for (let x = 0; x < T; x++) {
          const v = Math.round(res.input[Math.floor(y / SCALE) * 28 + Math.floor(x / SCALE)] * 255);
          out.fill(v, (y * T + x) * 3, (y * T + x) * 3 + 3);
        }
    } else {
      failed++;
      for (let p = 0; p < T * T; p++) out[p * 3] = 120; // dark red: no object
    }
    if (args.originals) {
      const s = Math.min(T / info.width, T / info.height);
      const tw = Math.max(1, Math.round(info.width * s));
      const th = Math.max(1, Math.round(info.height * s));
      const thumb = await sharp(join(args.dir, file)).removeAlpha().resize(tw, th, { fit: 'fill' }).raw().toBuffer();
      if (res.ok) {
        const b = res.box;
        const x0 = Math.round(b.x * s), y0 = Math.round(b.y * s);
        const x1 = Math.min(tw - 1, Math.round((b.x + b.width) * s) - 1), y1 = Math.min(th - 1, Math.round((b.y + b.height) * s) - 1);
        const red = (x: number, y: number) => thumb.set([255, 0, 0], (y * tw + x) * 3);
        for (let x = x0; x <= x1; x++) { red(x, y0); red(x, y1); }
        for (let y = y0; y <= y1; y++) { red(x0, y); red(x1, y); }
      }
      paste(thumb, tw, th, left, top);
      paste(out, T, T, left + T, top);
    } else {
      paste(out, T, T, left, top);
    }
  }
}
await mkdir(dirname(args.out), { recursive: true });
await sharp(sheet, { raw: { width: W, height: H, channels: 3 } }).png().toFile(args.out);
const n = order.reduce((s, c) => s + rows.get(c)!.length, 0);
console.log(`${n} images, ${failed} without object, ${(totalMs / n).toFixed(1)} ms each -> ${args.out}`);
