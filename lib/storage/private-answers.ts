/**
 * Answers to pictures from private (incognito) windows. They never go to IndexedDB, which lasts on
 * disk: they live in `storage.session`, which Chrome keeps in memory only and which content scripts
 * cannot read (its default access level is trusted contexts). The background forgets them when the
 * last private window closes (entrypoints/background/private-browsing.ts), and Chrome when it quits.
 */
import { browser } from 'wxt/browser';
import type { HistoryEntry, ScanAnswer, ScanEntry, StoredEntry } from './db';
import type { ScanKey } from './history';

/** The newest answers kept; the rest are dropped. Thumbnails are small JPEGs, so this is well under the quota. */
export const PRIVATE_ANSWER_LIMIT = 20;

const KEY = 'privateAnswers';

/** storage.session holds JSON only: the 28x28 picture travels as base64. */
type Stored = (Omit<HistoryEntry, 'seen' | 'id'> & { id: number; seen: string }) | (ScanEntry & { id: number });

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

interface Kept {
  /** The last id given, so none is given twice while the list lasts, even after a delete. */
  lastId: number;
  answers: Stored[];
}

async function read(): Promise<Kept> {
  const items = await browser.storage.session.get(KEY);
  return (items[KEY] as Kept | undefined) ?? { lastId: 0, answers: [] };
}

// Each change reads the list and writes it back: one at a time, so two answers at once both stay.
let queue: Promise<unknown> = Promise.resolve();
function serially(task: () => Promise<void>): Promise<void> {
  const next = queue.then(task);
  queue = next.catch(() => {});
  return next;
}

const change = (edit: (kept: Kept) => Kept) =>
  serially(async () => browser.storage.session.set({ [KEY]: edit(await read()) }));

/**
 * Keeps an answer from a private window, newest first. Its id is negative, below every id given
 * before, so it never clashes with an IndexedDB id (those start at 1) nor with an answer deleted.
 */
export function keepPrivateAnswer(entry: Omit<HistoryEntry, 'id'> | Omit<ScanEntry, 'id'>): Promise<void> {
  return change((kept) => addEntry(kept, entry));
}

/** A private window's page scan: one entry, as in the history (see addToScan in history.ts). */
export function keepPrivateScanAnswers(scan: ScanKey, pictures: ScanAnswer[]): Promise<void> {
  return change((kept) => {
    const found = kept.answers.find((e): e is ScanEntry & { id: number } => !('seen' in e) && e.scanId === scan.scanId && e.pageUrl === scan.pageUrl);
    if (!found) return addEntry(kept, { kind: 'scan', ...scan, pictures });
    const updated = { ...found, pictures: [...found.pictures, ...pictures] };
    return { ...kept, answers: kept.answers.map((e) => (e === found ? updated : e)) };
  });
}

function addEntry({ lastId, answers }: Kept, entry: Omit<HistoryEntry, 'id'> | Omit<ScanEntry, 'id'>): Kept {
  const id = lastId - 1;
  const stored: Stored = 'seen' in entry ? { ...entry, id, seen: toBase64(entry.seen) } : { ...entry, id };
  return { lastId: id, answers: [stored, ...answers].sort((a, b) => b.time - a.time).slice(0, PRIVATE_ANSWER_LIMIT) };
}

/** The answers from private windows, newest first. */
export async function listPrivateAnswers(): Promise<StoredEntry[]> {
  return (await read()).answers.map((e) => ('seen' in e ? { ...e, seen: fromBase64(e.seen) } : e));
}

export function forgetPrivateAnswer(id: number): Promise<void> {
  return change((kept) => ({ ...kept, answers: kept.answers.filter((e) => e.id !== id) }));
}

export function forgetPrivateAnswers(): Promise<void> {
  return serially(() => browser.storage.session.remove(KEY));
}

/** Private answers have negative ids: the popup tells them from lasting ones by this. */
export const isPrivateAnswer = (entry: Pick<StoredEntry, 'id'>): boolean => entry.id !== undefined && entry.id < 0;
