/**
 * The project's own import graph: which of its TypeScript files imports which, read with the TypeScript
 * compiler's pre-parser (so `import type`, `export … from` and `import()` count, and nothing is
 * type-checked). A worker started with `new URL('./x.ts', import.meta.url)` counts as an import of x.
 * Imports of packages, and of files that are not TypeScript (CSS, JSON), are left out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Repository-relative path (with `/`) to the paths it imports, both sorted. */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.tsx?$/;
const WORKER_URL = /new URL\(\s*['"](\.{1,2}\/[^'"]+\.tsx?)['"],\s*import\.meta\.url\s*\)/g;
/** The path aliases WXT defines for the project's root. */
const ROOT_ALIASES = ['@/', '~/', '@@/', '~~/'];

function sourceFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, folder));
  return out;
}

/** The file a specifier names, among `known`, or undefined for a package or a file that is not ours. */
function resolve(importer: string, specifier: string, known: Set<string>): string | undefined {
  const bare = specifier.replace(/\?.*$/, '');
  const alias = ROOT_ALIASES.find((prefix) => bare.startsWith(prefix));
  let base: string;
  if (alias) base = posix.normalize(bare.slice(alias.length));
  else if (bare.startsWith('.')) base = posix.join(posix.dirname(importer), bare);
  else return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((path) => known.has(path));
}

/** Every TypeScript file under `folders` of `root`, with the files of the same set it imports. */
export function readImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const files = folders.flatMap((folder) => sourceFiles(root, folder)).sort();
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    for (const match of text.matchAll(WORKER_URL)) specifiers.push(match[1]);
    const targets = new Set(specifiers.map((s) => resolve(file, s, known)).filter((t): t is string => t !== undefined));
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * The circles of the graph: each strongly connected component of more than one file (or a file that
 * imports itself), its files sorted. Tarjan's algorithm, iterative so that a deep chain cannot
 * overflow the stack.
 */
export function findCircles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const circles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = graph.get(frame.node) ?? [];
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfImport = targets.includes(frame.node);
      if (component.length > 1 || selfImport) circles.push(component.sort());
    }
  }
  return circles;
}

/** One way round a circle, from its first file back to it, through files of the circle only. */
export function wayRound(graph: ImportGraph, circle: string[]): string[] {
  const members = new Set(circle);
  const cameFrom = new Map<string, string>();
  const queue = [circle[0]];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file) ?? []) {
      if (!members.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      if (next === circle[0]) {
        const way = [next];
        for (let at = file; at !== circle[0]; at = cameFrom.get(at)!) way.unshift(at);
        return [circle[0], ...way];
      }
      queue.push(next);
    }
  }
  return circle;
}

/** The project's root: two folders up from this file. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
