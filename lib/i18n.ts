/**
 * The extension's words, from `_locales` (public/_locales/<lang>/messages.json), with typed keys.
 *
 * In the extension `t()` asks the browser (`i18n.getMessage`), which picks the UI language; in Node
 * (the command-line tools, the unit tests) there is no browser and the English file is read instead,
 * so lib stays usable there. Nothing browser-side is touched at import time.
 *
 * Placeholders are `{name}` and filled here rather than by the browser's `$1`, so that the same code
 * fills them in the browser and in Node.
 */
import en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Values = Record<string, string | number>;

interface I18nApi {
  getMessage(key: string): string;
  getUILanguage(): string;
}

function api(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/** Splits a message into text (even indexes) and placeholder names (odd ones). */
const PLACEHOLDER = /\{(\w+)\}/;

/** The message `key` in the UI language (English outside the browser), its `{placeholders}` filled. */
export function t(key: MessageKey, values: Values = {}): string {
  return tParts(key, values).join('');
}

/**
 * The same, as pieces: its text, and the values where its placeholders are, left as they are. For a
 * value that is markup (a number in bold) in a sentence whose word order is the language's.
 */
export function tParts<T>(key: MessageKey, values: Record<string, T>): (string | T)[] {
  const parts = (api()?.getMessage(key) || en[key].message).split(PLACEHOLDER);
  return parts.map((part, i) => (i % 2 === 0 ? part : part in values ? values[part] : `{${part}}`)).filter((part) => part !== '');
}

/**
 * The language to format numbers and dates in (a BCP 47 tag; 'en' outside the browser): the one the
 * words are shown in, so that a German sentence holds German numbers. The browser's UI language when
 * it is a variant of that (en-GB), since a browser can take an extension's German without having
 * German itself (Chromium without its German resources says en-US and still picks our `de` words).
 */
export function uiLanguage(): string {
  const i18n = api();
  if (!i18n) return 'en';
  const words = i18n.getMessage('language') || 'en';
  const ui = i18n.getUILanguage();
  return ui === words || ui.startsWith(`${words}-`) ? ui : words;
}

/** 0.93 → "93%" in English, "93 %" in German; with `digits` 1, 0.9286 → "92.9%", "92,9 %". */
export function formatPercent(fraction: number, digits = 0, locale = uiLanguage()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

/** A number with `digits` decimals: 0.3456 → "0.346" in English, "0,346" in German. */
export function formatDecimal(n: number, digits: number, locale = uiLanguage()): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** 60000 → "60,000" in English, "60.000" in German. */
export function formatCount(n: number, locale = uiLanguage()): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A moment, with date and time, as the UI language writes it. */
export function formatDateTime(time: number | Date, locale = uiLanguage()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** English templates as patterns, their placeholders as named groups: built once, on first use. */
let patterns: { key: MessageKey; pattern: RegExp }[] | undefined;

/**
 * An error message in the UI language. Errors cross contexts in English (some are compared by
 * identity, e.g. NOT_SENT in menu-click.ts), so the card and the popup translate them only when they
 * show them: the English text is matched against the English messages, placeholders included. A
 * message that is not ours (a browser's own error) is shown as it is.
 */
export function localizeMessage(english: string): string {
  const known = errorKeyOf(english);
  return known ? t(known.key, known.values) : english;
}

/** Which of our error messages `english` is, with its placeholders' values. */
export function errorKeyOf(english: string): { key: MessageKey; values?: Values } | undefined {
  patterns ??= (Object.keys(en) as MessageKey[]).filter((key) => key.startsWith('error_')).map((key) => {
    const parts = en[key].message.split(PLACEHOLDER);
    const source = parts.map((part, i) => (i % 2 ? `(?<${part}>.*?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    return { key, pattern: new RegExp(`^${source}$`, 's') };
  });
  for (const { key, pattern } of patterns) {
    const match = pattern.exec(english);
    if (match) return { key, values: match.groups };
  }
  return undefined;
}
