import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { preprocess } from '../lib/preprocess';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startShopPages, type ShopPages } from './support/shop-pages';

describe('preprocessing in the extension and in Node', () => {
  let extension: LoadedExtension;
  let shop: ShopPages;
  beforeAll(async () => {
    [extension, shop] = await Promise.all([launchWithExtension(), startShopPages()]);
  });
  afterAll(async () => {
    await extension?.close();
    await shop?.close();
  });

  it('gives the same 28x28 for the same decoded pixels', async () => {
    // A lossless PNG under preprocessing's working size (320 px): neither side scales it, and Chromium
    // and sharp decode it to the same pixels. (A larger picture is drawn at the working size by the
    // browser's scaler in the extension, which no Node library reproduces to the last bit.)
    const url = `${shop.url}img/boot-300.png`;
    const png = Buffer.from(await (await fetch(url)).arrayBuffer());
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const node = preprocess({ width: info.width, height: info.height, data });
    if (!node.ok) throw new Error(node.message);

    const popup = await extension.openPage('popup.html');
    const seen = await popup.evaluate(
      (source) =>
        new Promise<number[]>((resolve, reject) =>
          chrome.runtime.sendMessage({ type: 'background:classify', data: { source, pageUrl: source }, id: 1, timestamp: Date.now() }, (r) =>
            r?.res ? resolve(r.res.seen) : reject(new Error(JSON.stringify(r?.err ?? chrome.runtime.lastError))),
          ),
        ),
      url,
    );
    expect(seen).toEqual(Array.from(node.input, (v) => Math.round(v * 255)));
  });
});
