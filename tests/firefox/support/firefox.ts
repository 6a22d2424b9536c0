/**
 * Launches Debian's Firefox ESR headless with the built add-on installed, driven over WebDriver BiDi
 * (puppeteer-core), and hands tests the pieces they drive. With --remote-allow-system-access, BiDi can
 * also run script in the browser's own window (the "chrome" scope): that is where the native context
 * menu and the add-on's background state are.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = new URL('../../../.output/firefox-mv3', import.meta.url).pathname;
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id of wxt.config.ts, and a fixed UUID so the add-on's pages have a known address. */
export const GECKO_ID = 'garment-scout@garment-scout.example';
const UUID = '5e0b9a57-2f1c-4c8e-9d43-7a6b1f0c2e91';

export interface LoadedFirefox {
  browser: Browser;
  /** moz-extension://<uuid>/ */
  baseUrl: string;
  /** Sends one WebDriver BiDi command and returns its result. */
  bidi<T = any>(method: string, params: object): Promise<T>;
  /** Runs an expression in the browser window's own (privileged) scope. */
  inChrome<T = unknown>(expression: string): Promise<T>;
  newPage(url: string): Promise<Page>;
  /** The add-on's event page: 'running', 'suspending' or 'stopped' (Firefox's words). */
  backgroundState(): Promise<string>;
  close(): Promise<void>;
}

/** The BiDi browsing context of a page. */
export const contextOf = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;

export interface FirefoxOptions {
  /** Milliseconds of idling after which Firefox suspends the event page (its default is 30 s). */
  idleTimeout?: number;
  /** Another Firefox build of the add-on (default: this one's, .output/firefox-mv3), for a benchmark to compare. */
  extensionDir?: string;
}

export async function launchFirefox({ idleTimeout, extensionDir = FIREFOX_EXTENSION_DIR }: FirefoxOptions = {}): Promise<LoadedFirefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      ...(idleTimeout ? { 'extensions.background.idle.timeout': idleTimeout } : {}),
    },
  });
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection;
  const bidi = async (method: string, params: object) => (await connection.send(method, params)).result;
  await browser.installExtension(extensionDir);

  const { contexts } = await bidi('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeWindow = contexts.find((c: { url: string }) => c.url === 'chrome://browser/content/browser.xhtml').context;
  const inChrome = async <T>(expression: string): Promise<T> => {
    const evaluated = await bidi('script.evaluate', { expression, target: { context: chromeWindow }, awaitPromise: true });
    if (evaluated.type === 'exception') throw new Error(`In the browser window: ${evaluated.exceptionDetails.text}`);
    return evaluated.result.value as T;
  };
  const baseUrl = `moz-extension://${UUID}/`;
  return {
    browser,
    baseUrl,
    bidi,
    inChrome,
    async newPage(url) {
      const page = await browser.newPage();
      // page.goto never settles on moz-extension:// addresses, though the page loads: BiDi's own navigate does.
      if (url.startsWith(baseUrl)) await bidi('browsingContext.navigate', { context: contextOf(page), url, wait: 'complete' });
      else await page.goto(url);
      return page;
    },
    backgroundState: () =>
      inChrome(`(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        return ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)}).backgroundState;
      })()`),
    close: () => browser.close(),
  };
}
