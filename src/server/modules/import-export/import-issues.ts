/**
 * The errors and warnings of an import as the answer lists them: row, column, stable code and
 * a Chinese and an English message. Values from the file are echoed cut to a few characters,
 * and a list keeps its first entries up to a cap while counting them all, so no file can make
 * the answer larger than a few hundred kilobytes.
 */
import { ERRORS, type ErrorCode } from '../../../domain/errors.js';
import type { Violation } from '../../../domain/validation.js';

export interface ImportError {
  row: number;
  column: string | null;
  code: string;
  message: string;
  messageEn: string;
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
export function issue(row: number, column: string | null, code: ErrorCode, value?: unknown, max = 100): ImportError {
  const def = ERRORS[code];
  const text = value === undefined || value === null || value === '' ? '' : echo(String(value), max);
  return {
    row,
    column: column === null ? null : echo(column, max),
    code,
    message: text ? `${def.zh}（${text}）` : def.zh,
    messageEn: text ? `${def.en} (${text})` : def.en,
  };
}

/** A validation rule's error (E4009) or warning (W_CHANGE) on a row; the messages come from the metadata. */
export function violationIssue(row: number, v: Violation, code: string): ImportError {
  const rule = v.severity === 'ERROR';
  return { row, column: v.elements.join(','), code, message: rule ? `${ERRORS.E4009.zh}：${v.message}` : v.message, messageEn: rule ? `${ERRORS.E4009.en}: ${v.messageEn}` : v.messageEn };
}
