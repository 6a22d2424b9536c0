/**
 * A folder of labelled photos for `npm run evaluate -- --images DIR`: one subfolder per class, named
 * as the class ("Ankle boot", "ankle-boot") or its index ("9"), or a labels.csv of `file,label,...`.
 * Each photo goes through the extension's preprocessing; one where no garment is found stays in the
 * set with no input, and counts as wrong.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CLASS_NAMES } from '../../lib/classes';
import { preprocess } from '../../lib/preprocess';
import { decodePhoto, expandPaths } from './photos';
import { UserError } from './run-cli';

export interface LabelledPhoto {
  file: string;
  label: number;
  /** The model's 28x28 input, or undefined where preprocessing found no garment. */
  input?: Float32Array;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function classIndex(name: string): number {
  const index = /^\d+$/.test(name) ? Number(name) : CLASS_NAMES.findIndex((c) => slug(c) === slug(name));
  if (!(index >= 0 && index < CLASS_NAMES.length)) {
    throw new UserError(`"${name}" names no class; use an index 0-9 or one of: ${CLASS_NAMES.join(', ')}`);
  }
  return index;
}

async function listed(dir: string): Promise<{ file: string; label: number }[]> {
  const csv = join(dir, 'labels.csv');
  if (await stat(csv).then(() => true, () => false)) {
    const [, ...rows] = (await readFile(csv, 'utf8')).trim().split(/\r?\n/);
    return rows.map((row, i) => {
      const [file, label] = row.split(',');
      try {
        return { file: join(dir, file), label: classIndex(label) };
      } catch (err) {
        throw new UserError(`${csv}, line ${i + 2}: ${(err as Error).message}`);
      }
    });
  }
  const photos: { file: string; label: number }[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const label = classIndex(entry.name);
    for (const file of await expandPaths([join(dir, entry.name)])) photos.push({ file, label });
  }
  if (photos.length === 0) throw new UserError(`${dir} has no labels.csv and no class subfolders with photos`);
  return photos;
}

async function prepared(file: string): Promise<Float32Array | undefined> {
  const image = await decodePhoto(file).catch((err: Error) => {
    throw new UserError(`${file}: ${err.message}`);
  });
  const result = preprocess(image);
  return result.ok ? result.input : undefined;
}

export async function labelledPhotos(dir: string): Promise<LabelledPhoto[]> {
  return Promise.all((await listed(dir)).map(async ({ file, label }) => ({ file, label, input: await prepared(file) })));
}

/**
 * A folder of photos of none of the 10 kinds, for `--out-of-scope DIR`: the files its labels.csv
 * lists (first column), or every image below it.
 */
export async function outOfScopePhotos(dir: string): Promise<{ file: string; input?: Float32Array }[]> {
  const csv = join(dir, 'labels.csv');
  const files = (await stat(csv).then(() => true, () => false))
    ? (await readFile(csv, 'utf8')).trim().split(/\r?\n/).slice(1).map((row) => join(dir, row.split(',')[0]))
    : (await expandPaths([dir])).filter((f) => /\.(jpe?g|png|webp|gif|avif|tiff?)$/i.test(f));
  if (files.length === 0) throw new UserError(`${dir} has no photos`);
  return Promise.all(files.map(async (file) => ({ file, input: await prepared(file) })));
}
