/**
 * `npm run bench:finetune`: fine-tuning in the options page (headless Chromium, WASM, in its
 * workers), driven as a user would, on one worker and on all of them in the same run: the whole
 * network's training images/s and seconds end to end for one epoch, and their ratio; then the last
 * layer only on all workers; and the test accuracy after each, starting from the bundled model. The
 * one-worker run is the page on a computer that says it has one core (DevTools' override of
 * navigator.hardwareConcurrency), so it trains in its coordinator alone, as it would there.
 *
 *   npm run bench:finetune -- [--images N] [--json]   (fewer images for a quick look; accuracy needs 60000)
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from '../../tests/support/extension';
import { numberOption, runCli } from '../support/run-cli';

interface Run {
  imagesPerSecond: number;
  /** Training, validation, test and calibration: Start to the Keep button. */
  seconds: number;
  /** The workers the page trained on, as its estimate says. */
  workers: number;
  before: string;
  after: string;
}

async function fineTune(extension: LoadedExtension, layers: 'all' | 'head', images: number, cores?: number): Promise<Run> {
  const page: Page = await extension.openPage('options.html');
  if (cores) {
    const devTools = await extension.context.newCDPSession(page);
    await devTools.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
    await page.reload();
  }
  await page.getByTestId('dataset-counts').waitFor({ timeout: 120_000 });
  await page.locator('input[name="epochs"]').fill('1');
  await page.locator('input[name="trainImages"]').fill(String(images));
  await page.locator('select[name="layers"]').selectOption(layers);
  // The timing before Start uses the same workers as the run: wait for it, so it does not slow the run.
  await page.getByText(/^Takes /).waitFor({ timeout: 120_000 });
  const workers = Number(/training on (\d+) cores/.exec(await page.getByTestId('estimate').innerText())?.[1] ?? 1);
  await page.getByTestId('start').click();
  await page.getByTestId('training-progress').waitFor({ timeout: 120_000 });
  const started = Date.now();
  let imagesPerSecond = 0;
  while (!(await page.getByTestId('keep').count())) {
    const text = await page.getByTestId('training-progress').innerText();
    // "1,124 images/s": the page groups thousands (it runs in English).
    imagesPerSecond = Number(/([\d,]+) images\/s/.exec(text)?.[1].replaceAll(',', '') ?? imagesPerSecond);
    await page.waitForTimeout(1000);
  }
  const run = {
    imagesPerSecond,
    seconds: (Date.now() - started) / 1000,
    workers,
    before: await page.getByTestId('accuracy-before').innerText(),
    after: await page.getByTestId('accuracy-after').innerText(),
  };
  await page.close();
  return run;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { images: { type: 'string', default: '60000' }, json: { type: 'boolean', default: false } } });
  const images = numberOption('images', args.images, { whole: true, min: 1 });
  const extension = await launchWithExtension();
  const one = await fineTune(extension, 'all', images, 1);
  const all = await fineTune(extension, 'all', images);
  const head = await fineTune(extension, 'head', images);
  await extension.close();

  const ratio = all.imagesPerSecond / one.imagesPerSecond;
  if (args.json) {
    const figures = (r: Run) => ({ imagesPerSecond: r.imagesPerSecond, seconds: r.seconds, accuracyAfter: r.after });
    console.log(
      JSON.stringify({
        images,
        oneWorker: figures(one),
        allWorkers: figures(all),
        workers: all.workers,
        ratio,
        epochSeconds: all.seconds,
        lastLayer: figures(head),
        accuracyBefore: all.before,
      }),
    );
    return;
  }
  console.log(`One epoch on ${images} Fashion-MNIST images in the options page (WASM, batch 64), seconds from Start to Keep (training, validation, test, calibration):`);
  const line = (label: string, r: Run) =>
    console.log(`  ${label.padEnd(34)} ${String(r.imagesPerSecond).padStart(5)} images/s, ${r.seconds.toFixed(0).padStart(4)} s; test accuracy ${r.before} -> ${r.after}`);
  line('whole network, 1 worker', one);
  line(`whole network, ${all.workers} workers`, all);
  line(`last layer only, ${head.workers} workers`, head);
  console.log(`  ${all.workers} workers train ${ratio.toFixed(2)}x as fast as 1 (target >= 1.5x); the whole-network epoch takes ${all.seconds.toFixed(0)} s (target <= 120 s)`);
}

await runCli(main);
