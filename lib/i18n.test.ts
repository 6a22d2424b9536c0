import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatPercent, t, tParts } from './i18n';

const LOCALES = new URL('../public/_locales/', import.meta.url);
const read = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(new URL(`${lang}/messages.json`, LOCALES), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const en = read('en');
  const others = readdirSync(LOCALES).filter((lang) => lang !== 'en');

  it('has German beside English', () => expect(others).toContain('de'));

  it.each(others)('%s has exactly the English keys, none empty, with the same placeholders', (lang) => {
    const messages = read(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.trim(), key).not.toBe('');
      expect(placeholders(message), key).toEqual(placeholders(en[key].message));
    }
  });

  it('has only keys the browser accepts', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });
});

describe('t outside the browser', () => {
  it('reads English and fills placeholders', () => {
    expect(t('menuClassify')).toBe('Classify garment');
    expect(t('popupCountOf', { shown: 2, all: 5 })).toBe('2 of 5');
  });

  it('leaves a placeholder without a value as it is', () => expect(t('popupCountOf', { shown: 2 })).toBe('2 of {all}'));

  it('hands back the pieces, with values that are not text left as they are', () => {
    const bold = { bold: '0.9' };
    expect(tParts('answerModel', { version: bold })).toEqual(['Model ', bold]);
    expect(tParts('popupCountOf', { shown: 1, all: 3 })).toEqual([1, ' of ', 3]);
  });
});

describe('Intl formats', () => {
  it.each([
    ['en', '93%', '92.9%', '60,000', '0.346', '1,234.5'],
    ['de', '93\u00a0%', '92,9\u00a0%', '60.000', '0,346', '1.234,5'],
  ])('%s', (locale, percent, percentTenths, count, decimal3, decimal1) => {
    expect(formatPercent(0.93, 0, locale)).toBe(percent);
    expect(formatPercent(0.9286, 1, locale)).toBe(percentTenths);
    expect(formatCount(60_000, locale)).toBe(count);
    expect(formatDecimal(0.3456, 3, locale)).toBe(decimal3);
    expect(formatDecimal(1234.5, 1, locale)).toBe(decimal1);
  });

  it('keeps the decimals asked for', () => expect(formatDecimal(2, 2, 'en')).toBe('2.00'));
});
