/**
 * The layers of the code, kept so: every import points down or stays in its own room, no files import
 * each other in a circle, and the extension's own code never imports what only tests and Node tools use.
 */
import { describe, expect, it } from 'vitest';
import { findCircles, PROJECT_ROOT, readImportGraph, wayRound, type ImportGraph } from './import-graph';

/**
 * The rooms of lib/, lowest first: a room may import from the rooms before it, never from one after it.
 * A folder of lib/ is one room (its `testing/` folder included); each file at lib/'s root is a room of
 * its own.
 */
const LIB_ROOMS = [
  'lib/i18n.ts',
  'lib/classes.ts',
  'lib/inline-wasm.ts',
  'lib/tf',
  'lib/preprocess',
  'lib/srcset.ts',
  'lib/senders.ts',
  'lib/allowed-address.ts',
  'lib/card-placement.ts',
  'lib/picture-size.ts',
  'lib/picture',
  'lib/data',
  'lib/model',
  'lib/ood',
  'lib/answer.ts',
  'lib/scan', // a page scan's order of pictures and its badges' look
  'lib/storage',
  'lib/entry-names.ts',
  'lib/messages.ts',
  'lib/finetune',
  'lib/node', // Node only: Fashion-MNIST read from disk, product photos drawn with sharp, for tools and tests
  'lib/testing', // helpers of the tests of lib/'s root files
];

/**
 * Every layer, lowest first: lib/'s rooms, then lib/'s unit tests (a test may use anything of lib/ to
 * check its room), then the folders above lib/. The entrypoints are siblings: each is a context of its
 * own (a page, a worker, a script) and imports none of the others.
 */
const LAYERS = [...LIB_ROOMS, 'lib unit tests', 'components', 'entrypoints', 'tests', 'scripts'];

/** The room a file belongs to; a room's `testing/` helpers belong to it. */
function roomOf(file: string): string {
  const [top, second] = file.split('/');
  if (top === 'lib' && /\.test\.ts$/.test(file)) return 'lib unit tests';
  if (top === 'lib') return file.split('/').length === 2 ? file : `lib/${second}`;
  if (top === 'entrypoints') return `entrypoints/${second.replace(/\.tsx?$/, '')}`;
  return top;
}

/** Height of a room; rooms of equal height (the entrypoints) may not import each other. */
function heightOf(room: string): number | undefined {
  const height = LAYERS.indexOf(room.startsWith('entrypoints/') ? 'entrypoints' : room);
  return height >= 0 ? height : undefined;
}

/** Code that ships in the extension, as opposed to tests, their helpers and Node-only code. */
function isExtensionCode(file: string): boolean {
  if (!/^(lib|components|entrypoints)\//.test(file)) return false;
  return !/\.test\.tsx?$/.test(file) && !/(^|\/)testing\//.test(file) && !file.startsWith('lib/node/');
}

interface Arrow {
  from: string;
  to: string;
}

const arrows = (graph: ImportGraph): Arrow[] => [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

/** Fails listing `offenders` under a heading that counts them, one a line. */
function expectNone(offenders: string[], what: string): void {
  expect(offenders, `${offenders.length} ${what}:\n  ${offenders.join('\n  ')}\n`).toEqual([]);
}

describe('layers', () => {
  const graph = readImportGraph(PROJECT_ROOT, ['lib', 'components', 'entrypoints', 'tests', 'scripts']);
  const all = arrows(graph);

  // A wrong root or folder would read nothing and pass everything below.
  it('reads the whole project', () => expect(graph.size).toBeGreaterThan(200));

  it('places every room', () => {
    const unplaced = [...new Set([...graph.keys()].map(roomOf))].filter((room) => heightOf(room) === undefined);
    expect(unplaced, 'rooms missing from LIB_ROOMS').toEqual([]);
  });

  it('has 0 imports that run back up', () => {
    const backUp = all.filter(({ from, to }) => {
      const [a, b] = [roomOf(from), roomOf(to)];
      return a !== b && heightOf(b)! >= heightOf(a)!;
    });
    expectNone(
      backUp.map(({ from, to }) => `${from} → ${to}  (${roomOf(from)} may not import ${roomOf(to)})`),
      'imports that run back up (or sideways)',
    );
  });

  it('has 0 circles', () => {
    expectNone(
      findCircles(graph).map((circle) => `${wayRound(graph, circle).join(' → ')}  (${circle.length} files in this circle)`),
      'circles of imports',
    );
  });

  it("keeps tests, their helpers and Node-only code out of the extension's code", () => {
    expectNone(
      all.filter(({ from, to }) => isExtensionCode(from) && !isExtensionCode(to)).map(({ from, to }) => `${from} → ${to}`),
      "imports of test or Node-only code by the extension's code",
    );
  });
});
