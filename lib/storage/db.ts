/**
 * Everything the extension keeps, declared in one place: one IndexedDB database (through `idb`) that
 * every extension context opens. Bump DB_VERSION and extend `upgrade` when a store changes.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Answer } from '../answer';

export interface HistoryEntry {
  id?: number;
  time: number;
  pageUrl: string;
  /** Where the image came from; a `data:` source is kept short. */
  imageUrl: string;
  answer: Answer;
  modelVersion: string;
  /** A small JPEG of the image, as a data URL. */
  thumbnail: string;
  /** The 28x28 picture the model saw, 0..255, light garment on black. */
  seen: Uint8Array;
  /**
   * The class the user says is right, or OUTLIER for "none of these": a correction that fine-tuning
   * learns from. Entries stored before out-of-scope answers existed have `answer.unsure` instead of
   * `answer.verdict`: read the verdict with `verdictOf`.
   */
  correctedIndex?: number;
}

/** One picture of a page scan as the history keeps it: no pictures of its own, so a scan of 300 stays small. */
export interface ScanAnswer {
  imageUrl: string;
  answer: Answer;
  modelVersion: string;
}

/**
 * A page scan: one entry for its page however many pictures it classified, each picture's answer
 * inside. The background adds each answer as it comes (lib/storage/scan-history.ts).
 */
export interface ScanEntry {
  id?: number;
  kind: 'scan';
  /** Names the scan among the page's scans: the content script draws it when the scan starts. */
  scanId: string;
  /** When the scan started. */
  time: number;
  pageUrl: string;
  /** The first picture's small JPEG, for the popup's row. */
  thumbnail: string;
  pictures: ScanAnswer[];
}

/** What the history store holds: single answers and page scans. */
export type StoredEntry = HistoryEntry | ScanEntry;

export const isScanEntry = (entry: StoredEntry): entry is ScanEntry => 'kind' in entry && entry.kind === 'scan';

/** A fine-tuned model saved by the options page: its files (model.json, weights, metadata.json) by name. */
export interface StoredModel {
  version: string;
  savedAt: number;
  files: Record<string, Uint8Array>;
}

export interface Schema extends DBSchema {
  history: { key: number; value: StoredEntry; indexes: { byTime: number } };
  models: { key: string; value: StoredModel };
  /** Small named values, e.g. which model version is in use. */
  settings: { key: string; value: unknown };
}

export type Database = IDBPDatabase<Schema>;

export const DB_NAME = 'garment-scout';
const DB_VERSION = 1;

let opening: Promise<Database> | undefined;

export function openDatabase(): Promise<Database> {
  opening ??= openDB<Schema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('history', { keyPath: 'id', autoIncrement: true }).createIndex('byTime', 'time');
      db.createObjectStore('models', { keyPath: 'version' });
      db.createObjectStore('settings');
    },
  });
  return opening;
}
