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
  /** The browser's profile folder, which names its processes (a benchmark reads their memory). */
  profile: string;
  id: string;
  serviceWorker(): Promise<Worker>;
  openPage(path: string): Promise<Page>;
  /** Stops the service worker as Chrome does when it is idle; the next event starts a new one. */
  stopServiceWorker(): Promise<void>;
  /**
   * Turns on "Allow in Incognito" on chrome://extensions, as a user does; Chrome reloads the
   * extension, and this returns once its new service worker runs.
   */
  allowInIncognito(): Promise<void>;
  close(): Promise<void>;
}

/** The part of chrome://extensions' private API that its toggles call. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  updateExtensionConfiguration(update: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /**
   * The browser's UI language, e.g. 'de' (en-US otherwise). On Linux Chromium takes it from the
   * environment (LANGUAGE, LANG), and `--lang` too.
   */
  language?: string;
  /** Another build of the extension (default: this one's, .output/chrome-mv3), for a benchmark to compare. */
  extensionDir?: string;
  /** More command-line switches for Chromium, e.g. a benchmark's `--enable-precise-memory-info`. */
  args?: string[];
}

export async function launchWithExtension({ language, extensionDir = EXTENSION_DIR, args = [] }: LaunchOptions = {}): Promise<LoadedExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'garment-scout-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...(language && {
      env: { ...process.env, LANGUAGE: language, LANG: `${language}_${language.toUpperCase()}.UTF-8`, LC_ALL: '' } as Record<string, string>,
      locale: language,
    }),
    args: [
      ...(language ? [`--lang=${language}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      // This machine has no network: keep Chromium from reaching for its own services.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Names on the public internet for the local test servers (shop.example): see ShopPages.publicUrl.
      '--host-resolver-rules=MAP *.example 127.0.0.1',
      ...args,
    ],
  });
  const isOurs = (w: Worker) => w.url().endsWith('/background.js');
  const started = () => context.waitForEvent('serviceworker', { predicate: isOurs });
  const id = new URL((context.serviceWorkers().find(isOurs) ?? (await started())).url()).host;
  let stopped = false;
  // A stopped worker starts again on the next extension event, as Chrome does for a menu click;
  // Playwright keeps the same Worker handle for it.
  const serviceWorker = async () => {
    if (stopped) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => {}));
      await page.close();
      stopped = false;
    }
    return context.serviceWorkers().find(isOurs) ?? (await started());
  };
  const openPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/${path}`);
    return page;
  };
  return {
    context,
    profile,
    id,
    serviceWorker,
    openPage,
    async stopServiceWorker() {
      const page = await openPage('popup.html');
      const cdp = await context.newCDPSession(page);
      // DevTools' ServiceWorker domain stops workers as Chrome does when they idle; it sees ours
      // once it has reported it.
      const status = (wanted: string) =>
        new Promise<void>((resolve) =>
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${id}/`) && v.runningStatus === wanted)) resolve();
          }),
        );
      const running = status('running');
      await cdp.send('ServiceWorker.enable');
      await running;
      const isStopped = status('stopped');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await isStopped;
      stopped = true;
      await page.close();
    },
    async allowInIncognito() {
      const page = await context.newPage();
      await page.goto('chrome://extensions');
      const reloaded = started();
      await page.evaluate(async (extensionId) => {
        const developerPrivate = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
        // Out of developer mode Chrome disables an unpacked extension when it reloads.
        await developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
        await developerPrivate.updateExtensionConfiguration({ extensionId, incognitoAccess: true });
      }, id);
      await reloaded;
      await page.close();
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
