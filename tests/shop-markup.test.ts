/**
 * Issue 12: on markup built the way real shops build it, a real right-click at the centre of the
 * product picture and "Classify garment" (with the info Chrome passes for that point) names the
 * garment, on the card anchored on that picture, or says plainly that no picture is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { placeCard } from '../lib/card-placement';
import { newestCardBox, removeAnswerCards } from './support/answer-cards';
import { overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startMarkupGallery, type MarkupGallery } from './support/markup-gallery';
import { markupPatterns } from './support/markup-patterns';
import { rightClickAndClassify } from './support/real-click';

describe('the picture the shopper sees, on real shop markup', () => {
  let extension: LoadedExtension;
  let gallery: MarkupGallery;
  let page: Page;
  beforeAll(async () => {
    [extension, gallery] = await Promise.all([launchWithExtension(), startMarkupGallery()]);
    page = await extension.context.newPage();
  });
  afterAll(async () => {
    await extension?.close();
    await gallery?.close();
  });

  it.each(markupPatterns('cdn').map((p) => [p.name, p] as const))('%s', async (name, pattern) => {
    await page.goto(`${gallery.shopUrl}case/${name}`);
    await page.bringToFront(); // a screenshot shows the tab in front
    const target = pattern.frameHtml ? page.frameLocator('iframe').locator('#target') : page.locator('#target');
    await target.waitFor();
    if (name === 'infinite-scroll-grid') await page.locator('#more').scrollIntoViewIfNeeded(); // loads the next rows
    await page.evaluate(() => document.fonts.ready);
    await removeAnswerCards(page);
    const box = await rightClickAndClassify(extension, page, target);
    const { state, text } = await overlayAnswer(page);

    if (!pattern.garment) {
      expect(state, text).toBe('error');
      expect(text).toContain('No picture found where you right-clicked.');
      return;
    }
    expect(state, text).toBe('answer');
    expect(text).toMatch(new RegExp(`^${gallery.label(pattern.garment)} · \\d+%`));
    expect(text.includes('read from the screen'), text).toBe(!!pattern.screen);
    // On the right picture: where lib/card-placement.ts puts a card of its size for that picture's box.
    const card = await newestCardBox(page);
    const width = await target.evaluate((e) => e.ownerDocument.documentElement.clientWidth); // the frame's own, in a frame
    const expected = placeCard({ left: box.x, top: box.y, width: box.width, height: box.height }, card, { scrollX: 0, scrollY: 0, width });
    expect(Math.abs(card.x - expected.left), JSON.stringify({ card, box })).toBeLessThanOrEqual(1);
    expect(Math.abs(card.y - expected.top), JSON.stringify({ card, box })).toBeLessThanOrEqual(1);
  });
});
