/**
 * The errors and warnings of an import as the answer lists them: row, column, stable code and
 * a Chinese and an English message. Values from the file are echoed cut to a few characters,
 * and a list keeps its first entries up to a cap while counting them all, so no file can make
 * the answer larger than a few hundred kilobytes.
 */
import type { ImportErrorView } from '../../../domain/api/import-export.js';
import { ERRORS, fillMessage, type ErrorCode, type ErrorDetail } from '../../../domain/errors.js';
import type { Violation } from '../../../domain/validation.js';

/** An error of a row as the answer lists it (src/domain/api/import-export.ts). */
export type ImportError = ImportErrorView;

/** The spreadsheet letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Where each meaning sits in the file: org_code, period, element codes → the header as written and its letter. */
export type ColumnPlaces = Map<string, { header: string; letter: string }>;

/** An error with the header as the clerk wrote it, the column letter and the row's facility code. */
export function located(e: ImportError, places: ColumnPlaces, facilityCode: string | null): ImportError {
  const parts = e.column === null ? [] : e.column.split(',');
  const found = parts.map((c) => places.get(c)).filter((x): x is { header: string; letter: string } => !!x);
  return {
    ...e,
    header: e.header ?? (found.length ? found.map((f) => f.header).join('、') : null),
    columnLetter: e.columnLetter ?? (found.length ? found.map((f) => f.letter).join(',') : null),
    facilityCode: facilityCode || null,
  };
}

/** The first `cap` entries pushed, and how many were pushed in all. */
export class IssueList<T> {
  readonly items: T[] = [];
  total = 0;

  constructor(private readonly cap: number) {}

  push(item: T): void {
    this.total++;
    if (this.items.length < this.cap) this.items.push(item);
  }

  get truncated(): boolean {
    return this.total > this.items.length;
  }
}

/** `text` cut to `max` characters (whole code points), with an ellipsis when cut. */
export function echo(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** An error of the catalogue on a row and column, with the offending value (cut to `max` characters). */
export function issue(row: number, column: string | null, code: ErrorCode, value?: unknown, max = 100, detail: ErrorDetail = {}): ImportError {
  const def = ERRORS[code];
  const text = value === undefined || value === null || value === '' ? '' : echo(String(value), max);
  const zh = fillMessage(def.zh, detail);
  const en = fillMessage(def.en, detail);
  return {
    row,
    column: column === null ? null : echo(column, max),
    header: null,
    columnLetter: null,
    facilityCode: null,
    code,
    message: text ? `${zh}（${text}）` : zh,
    messageEn: text ? `${en} (${text})` : en,
  };
}

/** A validation rule's error (E4009) or warning (W_CHANGE) on a row; the messages come from the metadata. */
export function violationIssue(row: number, v: Violation, code: string): ImportError {
  const rule = v.severity === 'ERROR';
  return { row, column: v.elements.join(','), header: null, columnLetter: null, facilityCode: null, code, message: rule ? `${ERRORS.E4009.zh}：${v.message}` : v.message, messageEn: rule ? `${ERRORS.E4009.en}: ${v.messageEn}` : v.messageEn };
}
