/**
 * `npm run screenshots`: pictures of the real extension for the README, in light and dark: the answer
 * card on the demo shop, the popup with a few answers, and the options page. Written to
 * assets/screenshots/, so the README's pictures stay true to the code.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { answerCards, newestCardBox } from '../../tests/support/answer-cards';
import { classifyWithMenu, overlayAnswer } from '../../tests/support/context-menu';
import { launchWithExtension } from '../../tests/support/extension';
import { startShopPages } from '../../tests/support/shop-pages';
import { refuseArguments, runCli } from '../support/run-cli';

const OUT = new URL('../../assets/screenshots/', import.meta.url).pathname;
const SCHEMES = ['light', 'dark'] as const;

async function shoot(target: Page, name: string, clip?: { x: number; y: number; width: number; height: number }) {
  for (const colorScheme of SCHEMES) {
    await target.emulateMedia({ colorScheme });
    await target.waitForTimeout(200); // charts redraw in the new colours
    await target.screenshot({ path: `${OUT}${name}-${colorScheme}.png`, clip, fullPage: !clip });
  }
}

async function main(): Promise<void> {
  refuseArguments();
  await mkdir(OUT, { recursive: true });
  const [extension, shop] = await Promise.all([launchWithExtension(), startShopPages()]);
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(shop.url);

  // A few answers for the history, the last one's card left on the page.
  for (const selector of ['#watch', '#cross', '#background', '#same']) {
    await classifyWithMenu(extension, page, selector);
    await overlayAnswer(page);
  }

  // The card and its picture, with a margin.
  const picture = (await page.locator('#same').boundingBox())!;
  const card = await newestCardBox(page);
  if ((await answerCards(page)).length !== 1) throw new Error('screenshots: expected exactly one card on the page');
  const left = Math.min(picture.x, card.x) - 16;
  const top = Math.min(picture.y, card.y) - 16;
  const right = Math.max(picture.x + picture.width, card.x + card.width) + 16;
  const bottom = Math.max(picture.y + picture.height, card.y + card.height) + 16;
  await shoot(page, 'card', { x: Math.max(0, left), y: Math.max(0, top), width: right - left, height: bottom - top });

  const popup = await extension.openPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.locator('li').first().waitFor();
  await shoot(popup, 'popup');

  const options = await extension.openPage('options.html');
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.getByTestId('dataset-counts').waitFor({ timeout: 60_000 });
  await shoot(options, 'options');

  await Promise.all([extension.close(), shop.close()]);
  console.log(`Screenshots in ${OUT}`);
}

await runCli(main);
