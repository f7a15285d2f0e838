/**
 * The error catalogue: every error a user can cause has a stable code, an HTTP status and a
 * message in Chinese and English. Each module keeps its own catalogue (src/domain/<module>/errors.ts);
 * this file merges them, checking that no code is defined twice.
 */
import { CATALOGUES } from './catalogues.js';
import type { ErrorDef } from './error-def.js';

export type { ErrorDef } from './error-def.js';

type Merge<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Merge<R> : unknown;

function merge<T extends readonly Record<string, ErrorDef>[]>(parts: T): Merge<T> {
  const out: Record<string, ErrorDef> = {};
  for (const part of parts)
    for (const [code, def] of Object.entries(part)) {
      if (out[code]) throw new Error(`error code ${code} defined twice`);
      out[code] = def;
    }
  return out as Merge<T>;
}

export const ERRORS = merge(CATALOGUES);


export type ErrorCode = keyof typeof ERRORS;

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  value?: unknown;
  [key: string]: unknown;
}

/** Fills `{name}` placeholders of a catalogue message from the error's detail. */
export function fillMessage(template: string, detail: ErrorDetail): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (detail[k] === undefined ? m : typeof detail[k] === 'number' ? (detail[k] as number).toLocaleString('en-US') : String(detail[k])));
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly zh: string;
  readonly en: string;
  readonly detail: ErrorDetail;

  constructor(code: ErrorCode, detail: ErrorDetail = {}, extra?: { zh?: string; en?: string }) {
    const def = ERRORS[code];
    const base = { zh: fillMessage(def.zh, detail), en: fillMessage(def.en, detail) };
    const zh = extra?.zh ? `${base.zh}：${extra.zh}` : base.zh;
    const en = extra?.en ? `${base.en}: ${extra.en}` : base.en;
    super(`${code} ${zh} / ${en}`);
    this.name = 'AppError';
    this.code = code;
    this.status = def.status;
    this.zh = zh;
    this.en = en;
    this.detail = detail;
  }

  toJSON() {
    return { code: this.code, message: this.zh, messageEn: this.en, ...this.detail };
  }
}
