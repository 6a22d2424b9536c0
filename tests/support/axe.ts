/**
 * axe-core inside an extension page. Their CSP refuses Playwright's addScriptTag, but DevTools'
 * evaluate is not bound by it, so axe's source is evaluated into the page as it is.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AxeResults, Result } from 'axe-core';

const source = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeReport {
  violations: string[];
  /** Checks axe could not decide, of serious or critical impact: each wants a look by hand, so none may be left. */
  seriousIncomplete: string[];
}

const describe = (r: Result) => `${r.id} (${r.impact}): ${r.help} — ${r.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ')}`;

/**
 * Runs axe on the whole page as it is now (WCAG 2.2 A and AA, and axe's best practices), or only on
 * the elements `include` selects (with their open shadow trees).
 */
export async function checkAccessibility(page: Page, include?: string): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await source);
  const results = await page.evaluate((include) => {
    const axe = (window as unknown as { axe: { run(context: Document | object, options: object): Promise<AxeResults> } }).axe;
    return axe.run(include ? { include: [include] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations', 'incomplete'],
    });
  }, include);
  return {
    violations: results.violations.map(describe),
    seriousIncomplete: results.incomplete.filter((r) => r.impact === 'serious' || r.impact === 'critical').map(describe),
  };
}

/** The page's computed background colour: differs between light and dark when the design tokens apply. */
export async function backgroundIn(page: Page, colorScheme: 'light' | 'dark'): Promise<string> {
  await page.emulateMedia({ colorScheme });
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/**
 * The check every page gets: axe finds nothing in the light scheme nor in the dark one, and the page's
 * background differs between them (the design tokens apply). The page is left in light.
 */
export async function expectAccessibleInLightAndDark(page: Page): Promise<void> {
  const none: AxeReport = { violations: [], seriousIncomplete: [] };
  const light = await backgroundIn(page, 'light');
  expect(await checkAccessibility(page)).toEqual(none);
  expect(await backgroundIn(page, 'dark')).not.toBe(light);
  expect(await checkAccessibility(page)).toEqual(none);
  await page.emulateMedia({ colorScheme: 'light' });
}
