/**
 * `npm run bench:finetune`: fine-tuning in the options page (headless Chromium, WASM, in its worker),
 * driven as a user would: training images/s for the whole network and for the last layer only, and
 * the test accuracy after one epoch on all 60,000 images, starting from the bundled model.
 *
 *   npm run bench:finetune -- [--images N]   (fewer images for a quick look; accuracy needs 60000)
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../tests/support/extension';
import { numberOption, runCli } from '../support/run-cli';

interface Run {
  layers: string;
  imagesPerSecond: number;
  seconds: number;
  before: string;
  after: string;
}

async function fineTune(page: Page, layers: 'all' | 'head', images: number): Promise<Run> {
  await page.reload();
  await page.getByTestId('dataset-counts').waitFor({ timeout: 120_000 });
  await page.locator('input[name="epochs"]').fill('1');
  await page.locator('input[name="trainImages"]').fill(String(images));
  await page.locator('select[name="layers"]').selectOption(layers);
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
  return {
    layers,
    imagesPerSecond,
    seconds: (Date.now() - started) / 1000,
    before: await page.getByTestId('accuracy-before').innerText(),
    after: await page.getByTestId('accuracy-after').innerText(),
  };
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { images: { type: 'string', default: '60000' } } });
  const images = numberOption('images', args.images, { whole: true, min: 1 });
  const extension = await launchWithExtension();
  const page = await extension.openPage('options.html');
  const runs = [await fineTune(page, 'all', images), await fineTune(page, 'head', images)];
  await extension.close();

  console.log(`One epoch on ${images} Fashion-MNIST images in the options page (worker, WASM, batch 64):`);
  for (const r of runs) {
    console.log(
      `  ${r.layers === 'all' ? 'whole network' : 'last layer only'}: ${r.imagesPerSecond} images/s, ${r.seconds.toFixed(0)} s ` +
        `(training, validation, test and calibration); test accuracy ${r.before} -> ${r.after}`,
    );
  }
  console.log(`  last layer only is ${(runs[1].imagesPerSecond / runs[0].imagesPerSecond).toFixed(1)}x faster; target: a whole-network epoch on 60000 images in < 180 s`);
}

await runCli(main);
