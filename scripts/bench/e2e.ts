/**
 * `npm run bench:e2e`: the time from the "Classify garment" click to the answer showing next to a
 * 1000x1000 JPEG served locally, in headless Chromium with the built extension. Cold: no offscreen
 * document yet (TF.js, WASM and the model load first); warm: the document is up. Then the same in
 * Firefox ESR (scripts/support/e2e-firefox.ts), cold after its event page was suspended. Medians, and
 * where the warm time goes: the classifier page (reading, decoding, preprocessing, the model, as the
 * card's Details say) and the rest (the background, the messages, the content script, the card).
 *
 *   npm run bench:e2e -- [--runs N] [--against DIR] [--chromium-only] [--json]
 *
 * --against DIR also measures another build of the extension (e.g. the code before a change, built
 * with `npm run build` in another checkout: its .output/chrome-mv3) in Chromium, in a second browser,
 * run for run in turn with this one, and prints both and the ratios; and, where that checkout's
 * Firefox build sits beside it (.output/firefox-mv3), the same in Firefox. The cold click is also printed
 * step by step, from marks the service worker and the classifier page leave (entrypoints/offscreen/timeline.ts).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { answerCards } from '../../tests/support/answer-cards';
import { launchWithExtension } from '../../tests/support/extension';
import { classifierMillis } from '../support/card-details';
import { renderTestImage } from '../../lib/node/product-photos';
import { openFirefox, type FirefoxClick } from '../support/e2e-firefox';
import { SHARD_DIR, readFromDir } from '../../lib/node/fashion-mnist';
import { numberOption, runCli, UserError } from '../support/run-cli';
import { JSON_OPTION, printFigures, rounded } from '../support/bench-output';
import { median } from '../support/stats';

interface ChromiumTimes {
  cold: number[];
  warm: number[];
  /** The classifier page's share of each warm run. */
  warmClassifier: number[];
  /** Each cold run's steps (COLD_STEPS), in ms after the click; none for a build that does not mark them. */
  coldSteps: Record<string, number>[];
}

/** The steps of a cold click, in the order they are printed, as the service worker and the classifier page mark them. */
const COLD_STEPS: [mark: string, what: string][] = [
  ['classifier-page-opening', 'the background asks for the classifier page'],
  ['navigation-start', 'the page starts loading'],
  ['script-run', 'its script has run (TF.js and the rest parsed)'],
  ['request-received', 'the request arrives'],
  ['backend-ready', 'the WASM backend is compiled and ready'],
  ['picture-read', 'the picture is read'],
  ['model-loaded', 'the weights are read, checked, built into a model'],
  ['model-warmed-up', 'the model has run once (warm-up)'],
  ['picture-decoded', 'the picture is decoded (and its thumbnail made)'],
  ['picture-prepared', 'the picture is preprocessed'],
  ['model-run', 'the model has run on it'],
  ['answer-shown', 'the answer shows on the page'],
];

/** A page on 127.0.0.1 with one product picture, a 1000x1000 JPEG of a Fashion-MNIST test image. */
async function startTestPage(): Promise<{ url: string; close(): void }> {
  const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: 1 });
  const jpeg = await sharp(await renderTestImage(test.images.subarray(0, PIXELS), 1000)).jpeg({ quality: 85 }).toBuffer();
  const server = createServer((req, res) => {
    if (req.url === '/shirt.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<img id="product" src="/shirt.jpg" width="500" height="500">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** The extension built in `extensionDir`, open on the test page, ready to be clicked `runs` times. */
async function openChromium(url: string, extensionDir?: string) {
  const extension = await launchWithExtension({ extensionDir });
  const page = await extension.context.newPage();
  await page.goto(url);
  await page.locator('#product').click({ button: 'right' });

  /**
   * The answer card is in a closed shadow root the page cannot look into, so the moment it shows is
   * taken from DevTools' DOM events instead, stamped with Date.now() here on arrival (the clock the
   * worker's is compared with; the event reaches Node within a millisecond). DevTools sends events only
   * for nodes it has handed out: the document is read whole once per run, and each new card host's
   * shadow root as it is inserted, while the card still says "Classifying…".
   */
  const devtools = await extension.context.newCDPSession(page);
  let answerShown: ((at: number) => void) | undefined;
  // Events simply stop if the browser goes away (an in-page wait would have failed): fail, not hang.
  let browserGone: ((error: Error) => void) | undefined;
  extension.context.on('close', () => browserGone?.(new Error('The browser closed before the answer showed')));
  const isAnswer = (attributes: string[] = []) => attributes.some((v, i) => i % 2 === 0 && v === 'data-state' && attributes[i + 1] === 'answer');
  devtools.on('DOM.childNodeInserted', ({ node }) => {
    const root = node.nodeName === 'GARMENT-SCOUT-ANSWER' ? node.shadowRoots?.[0] : undefined;
    if (root) void devtools.send('DOM.requestChildNodes', { nodeId: root.nodeId, depth: -1, pierce: true });
  });
  devtools.on('DOM.setChildNodes', ({ nodes }) => {
    // Already answered when first seen (never so far: "Classifying…" shows ~100 ms earlier); late by at most the round trip.
    if (nodes.some((n) => isAnswer(n.attributes))) answerShown?.(Date.now());
  });
  devtools.on('DOM.attributeModified', ({ name, value }) => {
    if (name === 'data-state' && value === 'answer') answerShown?.(Date.now());
  });

  /** Milliseconds from the menu click (in the service worker) to the answer card appearing in the page. */
  async function clickToAnswer(): Promise<{ clicked: number; shown: number }> {
    await page.evaluate(() => document.querySelectorAll('garment-scout-answer').forEach((e) => e.remove()));
    await devtools.send('DOM.getDocument', { depth: -1, pierce: true });
    const shown = new Promise<number>((resolve, reject) => ((answerShown = resolve), (browserGone = reject)));
    const worker = await extension.serviceWorker();
    const clicked = await worker.evaluate(async (pageUrl) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const info = { menuItemId: 'classify-garment', editable: false, frameId: 0, pageUrl, srcUrl: `${pageUrl}shirt.jpg`, mediaType: 'image' };
      const at = Date.now();
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: object, t: object): void }).dispatch(info, tab);
      return at;
    }, url);
    return { clicked, shown: await shown };
  }
  const millis = async () => {
    const { clicked, shown } = await clickToAnswer();
    return shown - clicked;
  };

  /** The cold click's steps, from the marks of the service worker and the classifier page (undefined where there are none). */
  async function coldSteps(clicked: number, shown: number): Promise<Record<string, number> | undefined> {
    const marks = await (await extension.serviceWorker()).evaluate(async () => {
      const opening = performance.getEntriesByName('classifier-page-opening').at(-1);
      const reply = await chrome.runtime.sendMessage({ id: 1, type: 'offscreen:timeline', data: undefined, timestamp: Date.now() });
      if (!opening || !reply?.res) return undefined;
      return { 'classifier-page-opening': performance.timeOrigin + opening.startTime, ...(reply.res as Record<string, number>) };
    });
    return marks && Object.fromEntries(Object.entries({ ...marks, 'answer-shown': shown }).map(([name, at]) => [name, at - clicked]));
  }

  const times: ChromiumTimes = { cold: [], warm: [], warmClassifier: [], coldSteps: [] };
  return {
    times,
    /** One cold answer, then two warm ones, the second of them measured. */
    async run() {
      await (await extension.serviceWorker()).evaluate(async () => {
        if ((await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length) {
          await chrome.offscreen.closeDocument();
        }
      });
      const cold = await clickToAnswer();
      times.cold.push(cold.shown - cold.clicked);
      const steps = await coldSteps(cold.clicked, cold.shown);
      if (steps) times.coldSteps.push(steps);
      await clickToAnswer(); // the first warm run after a cold start still settles caches
      times.warm.push(await millis());
      times.warmClassifier.push(classifierMillis((await answerCards(page)).at(-1)!.details));
    },
    close: () => extension.close(),
  };
}

const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;

function report(cold: { label: string; ms: number[] }, warm: number[], warmClassifier: number[], warmTarget: number): void {
  console.log(`  ${`cold (${cold.label}):`.padEnd(30)} median ${ms(cold.ms)}   [${fmt(cold.ms)}]   target < 1500 ms`);
  console.log(`  ${'warm:'.padEnd(30)} median ${ms(warm)}   [${fmt(warm)}]   target < ${warmTarget} ms`);
  const rest = warm.map((t, i) => t - warmClassifier[i]);
  console.log(`  cold / warm: ${(median(cold.ms) / median(warm)).toFixed(1)}x; warm: the classifier page ${ms(warmClassifier)}, the rest ${ms(rest)}`);
}

/** The median time of each step of a cold click, after the click. */
function reportColdSteps(runs: Record<string, number>[]): void {
  if (!runs.length) return;
  console.log('  the cold click, step by step (medians, ms after the click):');
  for (const [mark, what] of COLD_STEPS) {
    const at = runs.map((r) => r[mark]).filter((t) => t !== undefined);
    if (at.length) console.log(`    ${median(at).toFixed(0).padStart(5)}  ${what}`);
  }
}

const from = (clicks: FirefoxClick[], moment: 'fromMenu' | 'fromCommand') => clicks.map((c) => c[moment]);

/** A browser's medians, as --json prints them. */
const figuresOf = (cold: number[], warm: number[], warmClassifier: number[]) => ({
  coldMs: rounded(median(cold)),
  warmMs: rounded(median(warm)),
  warmClassifierMs: rounded(median(warmClassifier)),
});

const coldStepFigures = (runs: Record<string, number>[]) =>
  Object.fromEntries(COLD_STEPS.map(([mark]) => [mark, runs.map((r) => r[mark]).filter((t) => t !== undefined)]).filter(([, at]) => at.length).map(([mark, at]) => [mark, rounded(median(at as number[]))]));

const firefoxFigures = ({ cold, warm }: { cold: FirefoxClick[]; warm: FirefoxClick[] }) => ({
  ...figuresOf(from(cold, 'fromCommand'), from(warm, 'fromCommand'), warm.map((c) => c.classifier)),
  coldFromMenuMs: rounded(median(from(cold, 'fromMenu'))),
  warmFromMenuMs: rounded(median(from(warm, 'fromMenu'))),
});

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: { runs: { type: 'string', default: '7' }, against: { type: 'string' }, 'chromium-only': { type: 'boolean', default: false }, ...JSON_OPTION },
  });
  const runs = numberOption('runs', args.runs, { whole: true, min: 1 });
  if (args.against && !existsSync(join(args.against, 'manifest.json'))) {
    throw new UserError(`--against ${args.against}: no extension build there (no manifest.json)`);
  }

  const page = await startTestPage();
  const ours = await openChromium(page.url);
  const against = args.against ? await openChromium(page.url, args.against) : undefined;
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`Chromium, run ${i + 1} of ${runs}...\n`);
    await ours.run();
    await against?.run();
  }
  await ours.close();
  await against?.close();
  // The Firefox build beside the Chrome one given with --against, if there is one.
  const againstFirefoxDir = args.against && join(dirname(args.against), 'firefox-mv3');
  const withFirefox = !args['chromium-only'];
  const firefox = withFirefox ? await openFirefox(page.url, '#product') : undefined;
  const againstFirefox = withFirefox && againstFirefoxDir && existsSync(join(againstFirefoxDir, 'manifest.json')) ? await openFirefox(page.url, '#product', againstFirefoxDir) : undefined;
  for (let i = 0; firefox && i < runs; i++) {
    process.stderr.write(`Firefox, run ${i + 1} of ${runs}...\n`);
    await firefox.run();
    await againstFirefox?.run();
  }
  await firefox?.close();
  await againstFirefox?.close();
  page.close();

  const figures = {
    chromium: { ...figuresOf(ours.times.cold, ours.times.warm, ours.times.warmClassifier), coldSteps: coldStepFigures(ours.times.coldSteps) },
    against: against && figuresOf(against.times.cold, against.times.warm, against.times.warmClassifier),
    firefox: firefox && firefoxFigures(firefox),
    againstFirefox: againstFirefox && firefoxFigures(againstFirefox),
  };
  printFigures(args.json, figures, () => {
    console.log(`Click to answer, 1000x1000 JPEG, ${runs} runs each, medians. Chromium, from the click reaching the service worker:`);
    report({ label: 'no offscreen document', ms: ours.times.cold }, ours.times.warm, ours.times.warmClassifier, 100);
    reportColdSteps(ours.times.coldSteps);
    if (against) {
      const { cold, warm, warmClassifier } = against.times;
      console.log(`The build in ${args.against}, measured run for run in turn with this one:`);
      report({ label: 'no offscreen document', ms: cold }, warm, warmClassifier, 100);
      reportColdSteps(against.times.coldSteps);
      const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}x`;
      console.log(`  this build's speed-up: cold ${ratio(cold, ours.times.cold)}, warm ${ratio(warm, ours.times.warm)}, ` +
        `the classifier page ${ratio(warmClassifier, ours.times.warmClassifier)}`);
    }
    if (!firefox) return;
    console.log(`Firefox ESR, the real context menu, from Firefox running the item's command (when it tells the add-on):`);
    report({ label: 'event page suspended', ms: from(firefox.cold, 'fromCommand') }, from(firefox.warm, 'fromCommand'), firefox.warm.map((c) => c.classifier), 150);
    const blink = [...firefox.cold, ...firefox.warm].map((c) => c.fromMenu - c.fromCommand);
    console.log(`  from choosing the item, Firefox's blink of it first (median ${ms(blink)}) included:`);
    console.log(`    cold median ${ms(from(firefox.cold, 'fromMenu'))}   [${fmt(from(firefox.cold, 'fromMenu'))}]`);
    console.log(`    warm median ${ms(from(firefox.warm, 'fromMenu'))}   [${fmt(from(firefox.warm, 'fromMenu'))}]`);
    if (!againstFirefox) return;
    console.log(`The Firefox build in ${againstFirefoxDir}, measured run for run in turn with this one:`);
    report({ label: 'event page suspended', ms: from(againstFirefox.cold, 'fromCommand') }, from(againstFirefox.warm, 'fromCommand'), againstFirefox.warm.map((c) => c.classifier), 150);
    const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}x`;
    console.log(`  this build's speed-up: cold ${ratio(from(againstFirefox.cold, 'fromCommand'), from(firefox.cold, 'fromCommand'))}, ` +
      `warm ${ratio(from(againstFirefox.warm, 'fromCommand'), from(firefox.warm, 'fromCommand'))}`);
  });
}

await runCli(main);
