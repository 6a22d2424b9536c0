import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANCELLED, NOT_SENT, TOO_SLOW } from './messages';
import { ADDRESS_REFUSED } from './allowed-address';
import { errorKeyOf, formatCount, formatPercent, localizeMessage, t } from './i18n';
import { NOT_READABLE, refuseIfTooLarge } from './picture-size';

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
});

describe('errors cross contexts in English and are matched for display', () => {
  const tooLarge = (() => {
    try {
      refuseIfTooLarge(20_000, 20_000);
    } catch (e) {
      return (e as Error).message;
    }
  })()!;

  it.each([
    [NOT_SENT, 'error_notSent'],
    [TOO_SLOW, 'error_tooSlow'],
    [CANCELLED, 'error_cancelled'],
    [ADDRESS_REFUSED, 'error_addressRefused'],
    [NOT_READABLE, 'error_notReadable'],
    [tooLarge, 'error_tooManyPixels'],
  ])('%s', (message, key) => {
    expect(errorKeyOf(message)?.key).toBe(key);
    expect(localizeMessage(message)).toBe(message);
  });

  it('keeps a placeholder value', () => expect(errorKeyOf(tooLarge)?.values).toEqual({ megapixels: '400' }));

  it('leaves a message that is not ours as it is', () => expect(localizeMessage('net::ERR_FAILED')).toBe('net::ERR_FAILED'));
});

describe('Intl formats', () => {
  it.each([
    ['en', 0.93, '93%', 60_000, '60,000'],
    ['de', 0.93, '93\u00a0%', 60_000, '60.000'],
  ])('%s', (locale, fraction, percent, n, count) => {
    expect(formatPercent(fraction, locale)).toBe(percent);
    expect(formatCount(n, locale)).toBe(count);
  });
});
