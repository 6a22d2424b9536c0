/** The setup most journeys share: Chromium with the extension, the shop servers, a tab on the shop. */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from './extension';
import { startShopPages, type ShopPages } from './shop-pages';

export interface ShopSession {
  extension: LoadedExtension;
  shop: ShopPages;
  page: Page;
}

/** Call inside a `describe`: the fields are set once its beforeAll has run. */
export function useShopSession(): ShopSession {
  const session = {} as ShopSession;
  beforeAll(async () => {
    [session.extension, session.shop] = await Promise.all([launchWithExtension(), startShopPages()]);
    session.page = await session.extension.context.newPage();
    await session.page.goto(session.shop.url);
  });
  afterAll(async () => {
    await session.extension?.close();
    await session.shop?.close();
  });
  return session;
}
