/** The history as files the user can keep: JSON for programs, CSV for spreadsheets. */
import { correctionLabel, verdictOf, type Verdict } from '../answer';
import { isScanEntry, type HistoryEntry, type StoredEntry } from './db';

export interface ExportedAnswer {
  time: string;
  pageUrl: string;
  imageUrl: string;
  label: string;
  confidence: number;
  /** Kept for readers of the older files: the same as `verdict === 'unsure'`. */
  unsure: boolean;
  verdict: Verdict;
  /** Null for answers stored before the score existed. */
  inScopeScore: number | null;
  top3: { label: string; confidence: number }[];
  modelVersion: string;
  correctedLabel: string | null;
}

/**
 * The name a download gets: what it holds and the local date it was made, e.g.
 * garment-scout-history-2026-11-30.json, or garment-scout-history-ankle-boot-2026-11-30.csv for a filtered one.
 */
export function exportFileName(extension: 'json' | 'csv', date: Date, filter?: string): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const slug = filter?.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `garment-scout-history-${slug ? `${slug}-` : ''}${day}.${extension}`;
}

/** One picture's answer, as a file has it: a single answer, or one picture of a page scan. */
export type AnswerToExport = Pick<HistoryEntry, 'time' | 'pageUrl' | 'imageUrl' | 'answer' | 'modelVersion' | 'correctedIndex'>;

/** Every picture's answer, a page scan's one by one (each with the scan's time and page). */
export function answersOf(entries: StoredEntry[]): AnswerToExport[] {
  return entries.flatMap((e) => (isScanEntry(e) ? e.pictures.map((p) => ({ ...p, time: e.time, pageUrl: e.pageUrl })) : [e]));
}

function answersToRows(answers: AnswerToExport[]): ExportedAnswer[] {
  return answers.map((e) => {
    // Entries stored by older versions have `unsure` and neither a verdict nor a score.
    const verdict = verdictOf(e.answer);
    return {
      time: new Date(e.time).toISOString(),
      pageUrl: e.pageUrl,
      imageUrl: e.imageUrl,
      label: e.answer.label,
      confidence: round(e.answer.confidence),
      unsure: verdict === 'unsure',
      verdict,
      inScopeScore: Number.isFinite(e.answer.inScopeScore) ? round(e.answer.inScopeScore) : null,
      top3: e.answer.top3.map((g) => ({ label: g.label, confidence: round(g.confidence) })),
      modelVersion: e.modelVersion,
      correctedLabel: e.correctedIndex === undefined ? null : correctionLabel(e.correctedIndex, 'en'),
    };
  });
}

export function answersToJson(answers: AnswerToExport[]): string {
  return JSON.stringify(answersToRows(answers), null, 2);
}

const CSV_COLUMNS = [
  'time',
  'pageUrl',
  'imageUrl',
  'label',
  'confidence',
  'unsure',
  'verdict',
  'inScopeScore',
  'second',
  'third',
  'modelVersion',
  'correctedLabel',
];

export function answersToCsv(answers: AnswerToExport[]): string {
  const lines = answersToRows(answers).map((r) =>
    [
      r.time,
      r.pageUrl,
      r.imageUrl,
      r.label,
      r.confidence,
      r.unsure,
      r.verdict,
      r.inScopeScore,
      r.top3[1]?.label,
      r.top3[2]?.label,
      r.modelVersion,
      r.correctedLabel,
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

function csvField(value: unknown): string {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
