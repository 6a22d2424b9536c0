/**
 * `npm run bench:finetune`: fine-tuning in the options page (headless Chromium, WASM, in its
 * workers), driven as a user would. First one worker against all of them: `--reps` runs of each on
 * `--ratio-images` images, in turn (so both see the same load on the machine), their training
 * images/s (medians) and the ratio. The one-worker runs are the page on a computer that says it has
 * one core (DevTools' override of navigator.hardwareConcurrency), so it trains in its coordinator
 * alone, as it would there. Then one whole-network epoch on `--images` images on all workers: seconds
 * from Start to Keep (training, validation, test, calibration, the detector's refit) and the test
 * accuracy before and after, starting from the bundled model.
 *
 *   npm run bench:finetune -- [--images 60000] [--ratio-images 12000] [--reps 3] [--json]
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from '../../tests/support/extension';
import { numberOption, runCli } from '../support/run-cli';
import { median } from '../support/stats';

interface Run {
  imagesPerSecond: number;
  /** Training, validation, test and calibration: Start to the Keep button. */
  seconds: number;
  /** The workers the page trained on, as its estimate says. */
  workers: number;
  before: string;
  after: string;
}

async function fineTune(extension: LoadedExtension, images: number, cores?: number): Promise<Run> {
  const page: Page = await extension.openPage('options.html');
  if (cores) {
    const devTools = await extension.context.newCDPSession(page);
    await devTools.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
    await page.reload();
  }
  await page.getByTestId('dataset-counts').waitFor({ timeout: 120_000 });
  await page.locator('input[name="epochs"]').fill('1');
  await page.locator('input[name="trainImages"]').fill(String(images));
  await page.locator('select[name="layers"]').selectOption('all');
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
  const { values: args } = parseArgs({
    options: {
      images: { type: 'string', default: '60000' },
      'ratio-images': { type: 'string', default: '12000' },
      reps: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  const images = numberOption('images', args.images, { whole: true, min: 1 });
  const ratioImages = numberOption('ratio-images', args['ratio-images'], { whole: true, min: 1 });
  const reps = numberOption('reps', args.reps, { whole: true, min: 1 });
  const extension = await launchWithExtension();
  const one: Run[] = [];
  const all: Run[] = [];
  for (let rep = 0; rep < reps; rep++) {
    process.stderr.write(`one worker against all, round ${rep + 1} of ${reps}...\n`);
    one.push(await fineTune(extension, ratioImages, 1));
    all.push(await fineTune(extension, ratioImages));
  }
  process.stderr.write(`one epoch of ${images} images on all workers...\n`);
  const epoch = await fineTune(extension, images);
  await extension.close();

  const speed = (runs: Run[]) => median(runs.map((r) => r.imagesPerSecond));
  const ratio = speed(all) / speed(one);
  if (args.json) {
    const figures = (runs: Run[]) => ({ imagesPerSecond: speed(runs), runs: runs.map((r) => r.imagesPerSecond) });
    console.log(
      JSON.stringify({
        oneWorker: figures(one),
        allWorkers: figures(all),
        workers: epoch.workers,
        ratio,
        epochSeconds: epoch.seconds,
        epochImages: images,
        accuracyBefore: epoch.before,
        accuracyAfter: epoch.after,
      }),
    );
    return;
  }
  const runs = (r: Run[]) => r.map((x) => x.imagesPerSecond).join(', ');
  console.log(`Fine-tuning the whole network in the options page (WASM, batch 64), training images/s, median of ${reps} runs on ${ratioImages} images, in turn:`);
  console.log(`  1 worker    ${String(speed(one)).padStart(5)} images/s (${runs(one)})`);
  console.log(`  ${epoch.workers} workers   ${String(speed(all)).padStart(5)} images/s (${runs(all)})`);
  console.log(`  ${ratio.toFixed(2)}x (target >= 1.5x)`);
  console.log(
    `One epoch on ${images} images, ${epoch.workers} workers: ${epoch.seconds.toFixed(0)} s from Start to Keep (target <= 120 s), ` +
      `${epoch.imagesPerSecond} images/s; test accuracy ${epoch.before} -> ${epoch.after}`,
  );
}

await runCli(main);
