/**
 * `npm run bench:limits`: what the hardening limits cost and give, in headless Chromium with the built
 * extension, timed in the service worker around its request to the offscreen document (reading,
 * decoding, the model), medians:
 *  - a 20000x20000 PNG (388 KB, 400 megapixels) refused from its header, beside the answer for an
 *    ordinary 400x400 PNG;
 *  - a site that never answers: the time to its message, against the 15 s limit, and an ordinary
 *    answer while it waits, against one with nothing waiting.
 *
 *   npm run bench:limits -- [--runs N] [--json]
 */
import { parseArgs } from 'node:util';
import type { Worker } from 'playwright-core';
import { launchWithExtension } from '../../tests/support/extension';
import { startShopPages } from '../../tests/support/shop-pages';
import { startStuckServer } from '../../tests/support/stuck-server';
import { READ_TIMEOUT_MS } from '../../entrypoints/offscreen/read-image';
import { JSON_OPTION, printFigures, rounded } from '../support/bench-output';
import { numberOption, runCli } from '../support/run-cli';
import { median } from '../support/stats';

let nextId = 0;
/**
 * Milliseconds for the offscreen document to answer (or refuse) one picture shown on `requestedBy`, asked
 * by the service worker, and whether it answered.
 */
async function timeRequest(worker: Worker, source: string, requestedBy: string): Promise<{ ms: number; answered: boolean; message?: string }> {
  return worker.evaluate(
    async ({ source, requestId, requestedBy }) => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({ id: 1, type: 'offscreen:classify', data: { source, requestedBy, requestId }, timestamp: Date.now() });
      return { ms: performance.now() - start, answered: Boolean(reply?.res), message: reply?.err?.message };
    },
    { source, requestId: `bench/${nextId++}`, requestedBy },
  );
}

function expectThat(ok: boolean, what: string): void {
  if (!ok) throw new Error(`bench:limits: ${what}`);
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' }, ...JSON_OPTION } });
  const runs = numberOption('runs', args.runs, { whole: true, min: 1 });

  const [extension, shop, stuck] = await Promise.all([launchWithExtension(), startShopPages(), startStuckServer()]);
  const popup = await extension.openPage('popup.html');
  // Opens the offscreen document and loads the model, as the first click would.
  await popup.evaluate(() => chrome.runtime.sendMessage({ id: 0, type: 'background:model-status', timestamp: Date.now() }));
  const worker: Worker = await extension.serviceWorker();
  const time = (source: string) => timeRequest(worker, source, shop.url);

  const ordinary = `${shop.url}img/boot.png`;
  const bomb = `${shop.url}img/bomb.png`;
  await time(bomb); // the test server makes the bomb on its first request
  const answers: number[] = [];
  const refusals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const answer = await time(ordinary);
    const refusal = await time(bomb);
    expectThat(answer.answered && !refusal.answered && /400 megapixels/.test(refusal.message ?? ''), 'the bomb was not refused, or the boot not answered');
    answers.push(answer.ms);
    refusals.push(refusal.ms);
  }

  const stuckRuns = Math.min(runs, 3);
  const messages: number[] = [];
  const whileWaiting: number[] = [];
  const alone: number[] = [];
  for (let i = 0; i < stuckRuns; i++) {
    for (let j = 0; j < 5; j++) alone.push((await time(ordinary)).ms);
    const stuckRequest = time(stuck.url);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the stuck read is under way
    for (let j = 0; j < 5; j++) whileWaiting.push((await time(ordinary)).ms);
    const { ms, message } = await stuckRequest;
    expectThat(/in time/.test(message ?? ''), `the stuck site got "${message}"`);
    messages.push(ms);
  }
  await Promise.all([extension.close(), shop.close(), stuck.close()]);

  const figures = {
    hugeRefusedMs: rounded(median(refusals)),
    ordinaryAnsweredMs: rounded(median(answers)),
    stuckMessageMs: rounded(median(messages)),
    whileStuckWaitsMs: rounded(median(whileWaiting)),
    nothingWaitingMs: rounded(median(alone)),
  };
  printFigures(args.json, figures, (f) => {
    console.log(`20000x20000 PNG refused in ${f.hugeRefusedMs} ms; a 400x400 PNG answered in ${f.ordinaryAnsweredMs} ms (medians of ${runs})`);
    console.log(`a site that never answers: its message after ${(f.stuckMessageMs / 1000).toFixed(2)} s (limit ${READ_TIMEOUT_MS / 1000} s, medians of ${stuckRuns})`);
    console.log(`an ordinary answer while it waits: ${f.whileStuckWaitsMs} ms, with nothing waiting: ${f.nothingWaitingMs} ms (${(f.whileStuckWaitsMs / f.nothingWaitingMs).toFixed(2)}x)`);
  });
}

await runCli(main);
