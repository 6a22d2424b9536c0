/**
 * Launches Debian's Chromium with the built extension loaded, as a user would have it, and hands
 * tests the pieces they drive: the browser context, the extension's id and its service worker.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = new URL('../../.output/chrome-mv3', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  context: BrowserContext;
  id: string;
  serviceWorker(): Promise<Worker>;
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(): Promise<LoadedExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'garment-scout-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      // This machine has no network: keep Chromium from reaching for its own services.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const serviceWorker = async () =>
    context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js') }));
  const id = new URL((await serviceWorker()).url()).host;
  return {
    context,
    id,
    serviceWorker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
