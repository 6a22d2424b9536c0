import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LoadedExtension } from './support/extension';

describe('the built extension in Chromium', () => {
  let extension: LoadedExtension;
  beforeAll(async () => {
    extension = await launchWithExtension();
  });
  afterAll(() => extension?.close());

  it('starts its service worker with the context-menu entry registered', async () => {
    const worker = await extension.serviceWorker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Garment Scout');
    // An update registers the entry again: that must not fail on a duplicate id, and the entry stays.
    const menu = await worker.evaluate(async () => {
      // Chrome's event objects have a dispatch() that calls the extension's real listeners.
      (chrome.runtime.onInstalled as unknown as { dispatch(d: object): void }).dispatch({ reason: 'update' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return new Promise<string>((resolve) =>
        chrome.contextMenus.update('classify-garment', { title: 'Classify garment' }, () =>
          resolve(chrome.runtime.lastError?.message ?? 'ok'),
        ),
      );
    });
    expect(menu).toBe('ok');
  });

  it('has its own icon at every size the toolbar and the store use, drawn from assets/icon.svg', async () => {
    const page = await extension.openPage('popup.html');
    const sizes = await page.evaluate(async () => {
      const { icons, action } = chrome.runtime.getManifest() as chrome.runtime.ManifestV3;
      const paths = { ...icons, ...Object.fromEntries(Object.entries(action?.default_icon ?? {}).map(([k, v]) => [`action ${k}`, v])) };
      const measured: Record<string, number[]> = {};
      for (const [size, path] of Object.entries(paths)) {
        const bitmap = await createImageBitmap(await (await fetch(chrome.runtime.getURL(path as string))).blob());
        measured[size] = [bitmap.width, bitmap.height];
      }
      return measured;
    });
    expect(sizes).toEqual({
      16: [16, 16], 32: [32, 32], 48: [48, 48], 128: [128, 128],
      'action 16': [16, 16], 'action 32': [32, 32], 'action 48': [48, 48],
    });
  });

  it('renders the popup', async () => {
    const page = await extension.openPage('popup.html');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Garment Scout');
  });

  it('loads the bundled shards in the options page through its own URLs', async () => {
    const page = await extension.openPage('options.html');
    const counts = page.getByTestId('dataset-counts');
    await counts.waitFor({ timeout: 60_000 });
    expect(await counts.textContent()).toContain('60,000 training images, 10,000 test images');
  });
});
