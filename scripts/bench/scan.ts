/**
 * `npm run bench:scan`: a page scan in headless Chromium with the built extension, on the demo catalogue
 * (tests/support/catalogue-pages.ts: 60 product pictures and 12 pictures of page furniture), with the
 * classifier warm; medians of several runs:
 *  - the first badge and the last of the 60 products' badges, in ms after the command;
 *  - the model's batched inference against one picture at a time, pictures/s side by side (in Node, on
 *    the same WASM kernels and the shipped model);
 *  - furniture pictures given a garment's badge (an answer, neither "not sure" nor out of scope);
 *  - long tasks (>= 50 ms) on the page's main thread during the scan;
 *  - the classifier page's JS heap and live tensors before and after a scan of 300 pictures;
 *  - the page's frames while it scrolls, with a scan running and without, in turn.
 *
 *   npm run bench:scan -- [--runs N] [--json] [--against DIR]
 *
 * --against DIR scans the catalogue with another build of the extension too (e.g. the code before a
 * change, built into DIR), in another Chromium, the two builds' runs taken in turn so both see the same
 * load on the machine; it prints both builds' first and last badge.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page, Worker } from 'playwright-core';
import { PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { SHARD_DIR, readFromDir } from '../../lib/node/fashion-mnist';
import { classify } from '../../lib/model/predict';
import { useWasmBackend } from '../../lib/tf/backend';
import { startCataloguePages, type CataloguePages } from '../../tests/support/catalogue-pages';
import { launchWithExtension } from '../../tests/support/extension';
import { scanBadges, toggleScanWithMenu } from '../../tests/support/scan-badges';
import { loadModelFrom } from '../support/model-folder';
import { JSON_OPTION, printFigures } from '../support/bench-output';
import { numberOption, runCli, UserError } from '../support/run-cli';
import { interleavedMedians, median } from '../support/stats';

const FURNITURE = ['#banner', '#logo', '#hero', '#landscape'];

/** Notes in the page, from the command on: when each badge's host arrived, and the long tasks. */
function watchPage(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { scanStart: number; badgeTimes: number[]; longTasks: number[] };
    w.scanStart = performance.now();
    w.badgeTimes = [];
    w.longTasks = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'GARMENT-SCOUT-BADGE') w.badgeTimes.push(performance.now() - w.scanStart);
    }).observe(document.documentElement, { childList: true });
    new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
}

const pageNotes = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { badgeTimes: number[]; longTasks: number[] };
    return { badgeTimes: [...w.badgeTimes], longTasks: [...w.longTasks] };
  });

async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new UserError(`bench:scan: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Run {
  firstBadgeMs: number;
  allBadgedMs: number;
  badged: number;
  furnitureGarmentBadges: number;
  longTasks: number;
}

async function scanCatalogue(page: Page, catalogue: CataloguePages, extension: Awaited<ReturnType<typeof launchWithExtension>>): Promise<Run> {
  await page.goto(`${catalogue.url}/catalogue`);
  await page.waitForLoadState('load');
  const expected = catalogue.products + catalogue.largeFurniture;
  await watchPage(page);
  await toggleScanWithMenu(extension, page.url());
  await waitFor(`${expected} badges`, async () => (await pageNotes(page)).badgeTimes.length >= expected);
  await new Promise((resolve) => setTimeout(resolve, 500)); // long tasks are reported after they end
  const { badgeTimes, longTasks } = await pageNotes(page);
  const corners = await page.evaluate(
    (selectors) =>
      selectors.map((s) => {
        const box = document.querySelector(s)!.getBoundingClientRect();
        return { selector: s, x: box.left + scrollX + 4, y: box.top + scrollY + 4 };
      }),
    [...Array.from({ length: catalogue.products }, (_, i) => `#p${i}`), ...FURNITURE],
  );
  const badges = await scanBadges(page);
  const badgeAt = (c: { x: number; y: number }) => badges.find((b) => Math.abs(b.x - c.x) < 1 && Math.abs(b.y - c.y) < 1);
  const productBadges = corners.filter((c) => c.selector.startsWith('#p') && badgeAt(c)).length;
  const furnitureGarments = corners.filter((c) => FURNITURE.includes(c.selector) && badgeAt(c)?.verdict === 'answer').length;
  return { firstBadgeMs: badgeTimes[0], allBadgedMs: badgeTimes[expected - 1], badged: productBadges, furnitureGarmentBadges: furnitureGarments, longTasks: longTasks.length };
}

async function classifierMemory(worker: Worker): Promise<{ heapBytes?: number; tensors: number }> {
  const reply = await worker.evaluate(() => chrome.runtime.sendMessage({ id: 1, type: 'offscreen:memory', data: undefined, timestamp: Date.now() }));
  return reply.res;
}

/** A scan of 300 pictures: the 1,000-picture page, scrolled down until the scan has taken its most. */
async function scanThreeHundred(page: Page, catalogue: CataloguePages, extension: Awaited<ReturnType<typeof launchWithExtension>>): Promise<number> {
  await page.goto(`${catalogue.url}/many`);
  await page.waitForLoadState('load');
  await toggleScanWithMenu(extension, page.url());
  // A screen at a time, each time until the scan has taken what came near.
  let count = 0;
  for (let i = 0; i < 1000 && count < 300; i += 45) {
    await page.locator(`#p${i}`).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    let previous = -1;
    await waitFor('the scan to settle', async () => {
      [previous, count] = [count, (await scanBadges(page)).length];
      await new Promise((resolve) => setTimeout(resolve, 300));
      return count === previous;
    });
  }
  if (count < 300) throw new UserError(`bench:scan: the scan of the 1,000-picture page took ${count} pictures, not 300`);
  return count;
}

/** Frame times while the page scrolls 200 px a frame, 89 frames down the 1,000-picture page. */
function scrollFrames(page: Page): Promise<number[]> {
  // No named function inside: the page would not know the helper tsx wraps them in.
  return page.evaluate(async () => {
    const times: number[] = [];
    let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    while (times.length < 89) {
      window.scrollBy(0, 200);
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      times.push(now - last);
      last = now;
    }
    return times;
  });
}

interface ScrollFigures {
  medianFrameMs: number;
  slowestFrameMs: number;
  /** Frames that took 50 ms or more: a stutter a shopper sees. */
  longFrames: number;
}

/** The page's frames while it scrolls, without a scan and with one just started, in turn; medians over runs. */
async function scrolling(page: Page, catalogue: CataloguePages, extension: Awaited<ReturnType<typeof launchWithExtension>>, runs: number): Promise<{ idle: ScrollFigures; scanning: ScrollFigures }> {
  const of = (frames: number[][]) => ({
    medianFrameMs: Number(median(frames.map((f) => median(f))).toFixed(1)),
    slowestFrameMs: Math.round(median(frames.map((f) => Math.max(...f)))),
    longFrames: median(frames.map((f) => f.filter((t) => t >= 50).length)),
  });
  const idle: number[][] = [];
  const scanning: number[][] = [];
  for (let i = 0; i < runs; i++) {
    for (const scan of [false, true]) {
      await page.goto(`${catalogue.url}/many`);
      await page.waitForLoadState('load');
      if (scan) await toggleScanWithMenu(extension, page.url());
      (scan ? scanning : idle).push(await scrollFrames(page));
    }
  }
  return { idle: of(idle), scanning: of(scanning) };
}

/** Pictures/s of the model on `count` inputs in one batch and one at a time, timed in turn. */
async function batchSpeedup(runs: number): Promise<{ batched: number; single: number }> {
  await useWasmBackend();
  const { model } = await loadModelFrom();
  const count = 60;
  const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: count });
  const inputs = Array.from({ length: count }, (_, i) => Float32Array.from(test.images.subarray(i * PIXELS, (i + 1) * PIXELS), (v) => v / 255));
  const [batchedMs, singleMs] = await interleavedMedians('batched and one-at-a-time inference', [() => classify(model, inputs), () => inputs.forEach((x) => classify(model, x))], runs);
  return { batched: (count / batchedMs) * 1000, single: (count / singleMs) * 1000 };
}

/** The extension (this build, or the one in `extensionDir`) with its classifier warm, and a tab for the catalogue. */
async function warmExtension(extensionDir?: string) {
  const extension = await launchWithExtension({ extensionDir });
  const popup = await extension.openPage('popup.html');
  // Opens the classifier page and loads the model, as the first click would: the classifier is warm.
  await popup.evaluate(() => chrome.runtime.sendMessage({ id: 0, type: 'background:model-status', timestamp: Date.now() }));
  await popup.close();
  return { extension, page: await extension.context.newPage() };
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, ...JSON_OPTION, against: { type: 'string' } } });
  const runs = numberOption('runs', args.runs, { whole: true, min: 1 });
  if (args.against && !existsSync(join(args.against, 'manifest.json'))) throw new UserError(`--against ${args.against}: no extension build there (no manifest.json)`);

  const [{ extension, page }, catalogue] = await Promise.all([warmExtension(), startCataloguePages()]);
  const other = args.against ? await warmExtension(args.against) : undefined;
  try {
    process.stderr.write(`scanning the catalogue ${runs + 1} times (the first untimed)${other ? ' with each build, in turn' : ''}...\n`);
    await scanCatalogue(page, catalogue, extension);
    if (other) await scanCatalogue(other.page, catalogue, other.extension);
    const results: Run[] = [];
    const againstResults: Run[] = [];
    for (let i = 0; i < runs; i++) {
      results.push(await scanCatalogue(page, catalogue, extension));
      if (other) againstResults.push(await scanCatalogue(other.page, catalogue, other.extension));
    }
    await other?.extension.close();
    const of = (key: keyof Run, runs = results) => median(runs.map((r) => r[key]));

    const worker = await extension.serviceWorker();
    await page.goto(`${catalogue.url}/plain`);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the heap settles after the runs above
    const before = await classifierMemory(worker);
    process.stderr.write('scanning 300 pictures...\n');
    const scanned = await scanThreeHundred(page, catalogue, extension);
    await page.goto(`${catalogue.url}/plain`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = await classifierMemory(worker);

    process.stderr.write('scrolling the 1,000-picture page, with a scan and without...\n');
    const scroll = await scrolling(page, catalogue, extension, runs);
    const speed = await batchSpeedup(runs);
    const figures = {
      firstBadgeMs: Math.round(of('firstBadgeMs')),
      allBadgedMs: Math.round(of('allBadgedMs')),
      products: catalogue.products,
      badged: Math.round(of('badged')),
      batchSpeedup: Number((speed.batched / speed.single).toFixed(2)),
      furnitureGarmentBadges: of('furnitureGarmentBadges'),
      longTasks: of('longTasks'),
      heapDeltaMB: before.heapBytes === undefined || after.heapBytes === undefined ? null : Number(((after.heapBytes - before.heapBytes) / 2 ** 20).toFixed(1)),
      tensorsDelta: after.tensors - before.tensors,
      scroll,
      ...(other && { against: { dir: args.against, firstBadgeMs: Math.round(of('firstBadgeMs', againstResults)), allBadgedMs: Math.round(of('allBadgedMs', againstResults)) } }),
    };
    printFigures(args.json, figures, () => {
      console.log(`catalogue of ${catalogue.products} products and ${catalogue.furniture} furniture pictures (${catalogue.largeFurniture} of them 96 px or more), medians of ${runs} warm runs:`);
      console.log(`  first badge ${figures.firstBadgeMs} ms after the command; ${figures.badged}/${figures.products} products (and the large furniture) all badged ${figures.allBadgedMs} ms after it`);
      if (figures.against) {
        const { firstBadgeMs, allBadgedMs } = figures.against;
        console.log(`  --against ${figures.against.dir}, runs in turn: first badge ${firstBadgeMs} ms, all badged ${allBadgedMs} ms (this build ${(figures.allBadgedMs / allBadgedMs).toFixed(2)}x its time)`);
      }
      console.log(`  furniture given a garment's badge: ${figures.furnitureGarmentBadges} of ${catalogue.furniture}; long tasks on the page during the scan: ${figures.longTasks}`);
      console.log(`  model: ${speed.batched.toFixed(0)} pictures/s in one batch of 60, ${speed.single.toFixed(0)} one at a time (${figures.batchSpeedup}x)`);
      const frames = (f: ScrollFigures) => `median frame ${f.medianFrameMs} ms, slowest ${f.slowestFrameMs} ms, ${f.longFrames} of 89 frames >= 50 ms`;
      console.log(`  scrolling 200 px a frame: while scanning ${frames(scroll.scanning)}; without a scan ${frames(scroll.idle)}`);
      console.log(`  classifier page after a ${scanned}-picture scan: heap ${figures.heapDeltaMB ?? '?'} MB, tensors ${figures.tensorsDelta >= 0 ? '+' : ''}${figures.tensorsDelta}`);
    });
  } finally {
    await other?.extension.close().catch(() => {});
    await extension.close();
    await catalogue.close();
  }
}

void runCli(main);
