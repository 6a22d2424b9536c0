/**
 * Launches Debian's Chromium with the built extension loaded, as a user would have it, and hands
 * tests the pieces they drive: the browser context, the extension's id and its service worker.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = new URL('../../.output/chrome-mv3', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  context: BrowserContext;
  /**
   * The browser's profile folder: it names the browser's processes (a benchmark reads their memory), and
   * holds DevToolsActivePort (see connectDevTools).
   */
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

/**
 * The browser as DevTools sees it. Playwright's own context does not list the extension's side panel
 * or its toolbar popup; a DevTools connection to the same browser lists them as pages.
 */
export interface DevTools {
  /** The open page whose address ends with `/file` (the side panel's, the popup's), waiting until it is there. */
  extensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/** Connects to the DevTools port of a browser launched by launchWithExtension. */
export async function connectDevTools(extension: LoadedExtension): Promise<DevTools> {
  const port = (await readFile(join(extension.profile, 'DevToolsActivePort'), 'utf8')).split('\n')[0];
  const endpoint = `http://127.0.0.1:${port}`;
  let browser = await chromium.connectOverCDP(endpoint);
  return {
    async extensionPage(file) {
      for (let attempt = 1; attempt <= 100; attempt++) {
        const found = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith(`chrome-extension://${extension.id}/${file}`));
        if (found) return found;
        // The connection lists the pages there were when it was made, and those it is told about after.
        if (attempt % 10 === 0) {
          await browser.close();
          browser = await chromium.connectOverCDP(endpoint);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no ${file} open after 10 s`);
    },
    close: () => browser.close(),
  };
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
      // A DevTools port of its own (written to the profile), for connectDevTools.
      '--remote-debugging-port=0',
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
