/**
 * `npm run bench:soak`: 1,000 "Classify garment" clicks in a row through the built extension in headless
 * Chromium, from three tabs at once, each tab waiting for its card before its next click. A mix of
 * pictures: good ones (garments, and a watch that is none of the 10 kinds), broken ones (a truncated
 * JPEG, a missing file, a web page where a picture should be), slow ones (sent after 400 ms) and huge
 * ones (a 7100x7100 JPEG). It prints:
 *  - how many clicks got their card back (an answer or a message) and how many were lost, errors by kind;
 *  - the classifier page's live tensors and JS heap (after a garbage collection) at the start (the
 *    model loaded), after the warm-up (the first 50 clicks) and at the end; the history's size;
 *  - the resident memory of the extension's processes (scripts/support/extension-memory.ts): idle
 *    before the first answer, after it, after the 1,000, and after the classifier page closed itself
 *    when idle (its idle time shortened for the bench through storage.session, as the tests do), a
 *    minute after the close.
 *
 *   npm run bench:soak -- [--clicks 1000] [--json]
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { answerCards, removeAnswerCards } from '../../tests/support/answer-cards';
import { dispatchMenuClick } from '../../tests/support/context-menu';
import { launchWithExtension, type LoadedExtension } from '../../tests/support/extension';
import { readHistory } from '../../tests/support/history-store';
import { startShopPages } from '../../tests/support/shop-pages';
import { JSON_OPTION, printFigures, rounded } from '../support/bench-output';
import { extensionProcessesMemory } from '../support/extension-memory';
import { numberOption, runCli, UserError } from '../support/run-cli';

const TABS = 3;
const WARM_UP = 50;
/** The classifier page's idle time in this bench: long enough that it never closes between clicks. */
const IDLE_MS = 5_000;

/** Twenty clicks' worth of pictures, taken in turn: paths on the shop, or on its CDN where they start with `cdn:`. */
const MIX: { kind: string; path: string }[] = [
  ...['boot.png', 'pullover.jpg', 'boot-300.png', 'sandal.png', 'trouser-large.png', 'boot.png', 'pullover.jpg', 'sandal.png'].map((f) => ({ kind: 'good', path: `/img/${f}` })),
  ...['boot.png', 'trouser-small.png', 'watch.png', 'boot-300.png', 'watch.png'].map((f) => ({ kind: 'good', path: `/img/${f}` })),
  { kind: 'broken', path: '/img/corrupt.jpg' },
  { kind: 'broken', path: '/img/missing.png' },
  { kind: 'broken', path: '/img/not-an-image' },
  { kind: 'slow', path: '/img/slow.png?after=400' },
  { kind: 'slow', path: '/img/slow.png?after=400&again' },
  { kind: 'huge', path: 'cdn:/img/huge.jpg' },
  { kind: 'good', path: '/img/trouser-large.png' },
];

const MB = 2 ** 20;

interface Outcome {
  kind: string;
  state: 'answer' | 'error' | 'lost';
  text: string;
}

const addressOf = (path: string, shop: { url: string; cdnUrl: string }) => (path.startsWith('cdn:') ? `${shop.cdnUrl}${path.slice(4)}` : new URL(path, shop.url).href);

/** Puts every picture of the mix on the tab's page, so each click has its picture there. */
async function addPictures(page: Page, addresses: string[]): Promise<void> {
  await page.evaluate(
    (sources) => {
      for (const src of sources) {
        const img = Object.assign(document.createElement('img'), { className: 'soak', src, alt: '' });
        Object.assign(img.style, { width: '40px', height: '40px' });
        document.body.append(img);
      }
    },
    [...new Set(addresses)],
  );
}

/** One click in `page` and its card's end state; lost if none came within 60 s. */
async function click(extension: LoadedExtension, page: Page, src: string, kind: string): Promise<Outcome> {
  await removeAnswerCards(page);
  await dispatchMenuClick(extension, page.url(), src);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const card = (await answerCards(page)).at(-1);
    if (card && card.state !== 'pending') return { kind, state: card.state as 'answer' | 'error', text: card.text };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { kind, state: 'lost', text: '' };
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { clicks: { type: 'string', default: '1000' }, ...JSON_OPTION } });
  const clicks = numberOption('clicks', args.clicks, { whole: true, min: WARM_UP + 1 });

  const [extension, shop] = await Promise.all([
    // Exact heap figures, and gc() for the garbage collection before each reading.
    launchWithExtension({ args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] }),
    startShopPages(),
  ]);
  try {
    const worker = await extension.serviceWorker();
    // A document of the extension's own (its manifest, shown as text: no script, no UI that grows with the
    // history) in the classifier page's renderer: its gc() collects that renderer's main-thread heap, and
    // it reads the history. Opened first, so that every memory reading counts it.
    const quiet = await extension.openPage('manifest.json');
    await worker.evaluate((ms) => chrome.storage.session.set({ classifierIdleMs: ms }), IDLE_MS);
    const tabs = await Promise.all(
      Array.from({ length: TABS }, async (_, i) => {
        const page = await extension.context.newPage();
        await page.goto(i === 0 ? shop.url : `${shop.url}again?tab=${i}`);
        await addPictures(page, MIX.map((m) => addressOf(m.path, shop)));
        return page;
      }),
    );
    // Several rounds: a closed page's objects, and what they hold, go over more than one collection.
    const collectGarbage = async () => {
      for (let i = 0; i < 3; i++) {
        await quiet.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
        await worker.evaluate(() => (globalThis as { gc?: () => void }).gc?.()); // the service worker's heap, on a thread of its own
      }
    };
    const classifierMemory = async () => {
      await collectGarbage();
      const reply = await worker.evaluate(() => chrome.runtime.sendMessage({ id: 1, type: 'offscreen:memory', data: undefined, timestamp: Date.now() }));
      const { heapBytes, tensors } = reply.res as { heapBytes: number; tensors: number };
      return { heapMB: heapBytes / MB, tensors };
    };
    const residentMB = () => {
      const { rssBytes, privateBytes } = extensionProcessesMemory(extension.profile);
      return { rss: rounded(rssBytes / MB), private: rounded(privateBytes / MB) };
    };
    const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    await settle(3000);
    const rssIdle = residentMB();
    const outcomes: Outcome[] = [];
    let next = 0;
    /** Clicks in every tab at once until `upTo` clicks have been made. */
    const clickUntil = (upTo: number) =>
      Promise.all(
        tabs.map(async (page) => {
          while (next < upTo) {
            const { kind, path } = MIX[next++ % MIX.length];
            outcomes.push(await click(extension, page, addressOf(path, shop), kind));
            if (outcomes.length % 100 === 0) process.stderr.write(`${outcomes.length} clicks...\n`);
          }
        }),
      );

    await clickUntil(1);
    await settle(2000);
    const rssFirstAnswer = residentMB();
    const start = await classifierMemory();
    await clickUntil(WARM_UP);
    const warm = await classifierMemory();
    await clickUntil(clicks);
    const end = await classifierMemory();
    const rssAfterAll = residentMB();

    process.stderr.write('waiting for the classifier page to close itself...\n');
    const deadline = Date.now() + IDLE_MS + 30_000;
    while (await worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length > 0)) {
      if (Date.now() > deadline) throw new UserError('bench:soak: the classifier page did not close when idle');
      await settle(250);
    }
    // Chromium hands most of the freed memory back to the system about half a minute after the page
    // closed (34 s here; some at 10 s): the reading is taken a minute after.
    for (let second = 0; second < 60; second++) {
      await collectGarbage();
      await settle(1000);
    }
    const rssAfterClose = residentMB();
    const history = (await readHistory(quiet)).length;

    const errorsByKind: Record<string, number> = {};
    for (const o of outcomes.filter((o) => o.state === 'error')) {
      // The card's text after its heading: the message itself.
      const key = `${o.kind}: ${o.text.replace(/^Could not classify this picture\s*/, '')}`;
      errorsByKind[key] = (errorsByKind[key] ?? 0) + 1;
    }
    const figures = {
      clicks: outcomes.length,
      answered: outcomes.filter((o) => o.state !== 'lost').length,
      answers: outcomes.filter((o) => o.state === 'answer').length,
      lost: outcomes.filter((o) => o.state === 'lost').length,
      errorsByKind,
      tensorsStart: start.tensors,
      tensorsWarm: warm.tensors,
      tensorsEnd: end.tensors,
      heapStartMB: rounded(start.heapMB, 1),
      heapWarmMB: rounded(warm.heapMB, 1),
      heapEndMB: rounded(end.heapMB, 1),
      heapGrowthMB: rounded(end.heapMB - warm.heapMB, 1),
      historySize: history,
      residentMB: { idle: rssIdle, firstAnswer: rssFirstAnswer, afterAll: rssAfterAll, afterIdleClose: rssAfterClose },
    };
    printFigures(args.json, figures, (f) => {
      console.log(`${f.clicks} clicks from ${TABS} tabs: ${f.answered} got their card back (${f.answers} answers), ${f.lost} lost   target: none lost`);
      for (const [kind, count] of Object.entries(f.errorsByKind)) console.log(`  ${String(count).padStart(4)}  ${kind}`);
      console.log(`classifier page, tensors: ${f.tensorsStart} at the start, ${f.tensorsWarm} after ${WARM_UP} clicks, ${f.tensorsEnd} at the end   target: the same at start and end`);
      console.log(`classifier page, JS heap: ${f.heapStartMB} / ${f.heapWarmMB} / ${f.heapEndMB} MB; growth after the warm-up ${f.heapGrowthMB} MB   target: ≤ 5 MB`);
      console.log(`history: ${f.historySize} entries`);
      const { idle, firstAnswer, afterAll, afterIdleClose } = f.residentMB;
      const signed = (mb: number) => `${mb >= 0 ? '+' : ''}${mb}`;
      console.log(`the extension's processes, resident, RSS (private part) in MB:`);
      for (const [when, m] of [['idle, before the first answer', idle], ['after the first answer', firstAnswer], [`after ${f.clicks} clicks`, afterAll], ['after the classifier page closed when idle', afterIdleClose]] as const) {
        console.log(`  ${when.padEnd(44)} ${String(m.rss).padStart(4)} (${m.private})`);
      }
      console.log(`  after the close against idle: ${signed(afterIdleClose.rss - idle.rss)} (${signed(afterIdleClose.private - idle.private)}) MB   target: within 15 MB`);
    });
  } finally {
    await extension.close();
    await shop.close();
  }
}

await runCli(main);
