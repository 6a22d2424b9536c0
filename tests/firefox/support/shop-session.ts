/** The setup most Firefox journeys share: Firefox ESR with the add-on, the shop servers, a tab on the shop. */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startShopPages, type ShopPages } from '../../support/shop-pages';
import { launchFirefox, type FirefoxOptions, type LoadedFirefox } from './firefox';

export interface FirefoxShopSession {
  firefox: LoadedFirefox;
  shop: ShopPages;
  page: Page;
}

/** Call inside a `describe`: the fields are set once its beforeAll has run. */
export function useFirefoxShopSession(options?: FirefoxOptions): FirefoxShopSession {
  const session = {} as FirefoxShopSession;
  beforeAll(async () => {
    [session.firefox, session.shop] = await Promise.all([launchFirefox(options), startShopPages()]);
    session.page = await session.firefox.newPage(session.shop.url);
  });
  afterAll(async () => {
    await session.firefox?.close();
    await session.shop?.close();
  });
  return session;
}
