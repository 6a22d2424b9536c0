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
    throw new Error(`"${name}" names no class; use an index 0-9 or one of: ${CLASS_NAMES.join(', ')}`);
  }
  return index;
}

async function listed(dir: string): Promise<{ file: string; label: number }[]> {
  const csv = join(dir, 'labels.csv');
  if (await stat(csv).then(() => true, () => false)) {
    const [, ...rows] = (await readFile(csv, 'utf8')).trim().split(/\r?\n/);
    return rows.map((row) => {
      const [file, label] = row.split(',');
      return { file: join(dir, file), label: classIndex(label) };
    });
  }
  const photos: { file: string; label: number }[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const label = classIndex(entry.name);
    for (const file of await expandPaths([join(dir, entry.name)])) photos.push({ file, label });
  }
  if (photos.length === 0) throw new Error(`${dir} has no labels.csv and no class subfolders with photos`);
  return photos;
}

export async function labelledPhotos(dir: string): Promise<LabelledPhoto[]> {
  return Promise.all(
    (await listed(dir)).map(async ({ file, label }) => {
      const prepared = preprocess(await decodePhoto(file));
      return { file, label, input: prepared.ok ? prepared.input : undefined };
    }),
  );
}
