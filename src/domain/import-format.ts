/**
 * The report import format (PRODUCT.md): `org_code`, `period`, then one column per element
 * (element codes or Chinese names as headers). Booleans 1/0, true/false, 是/否; technique
 * categories as codes or Chinese names separated by `;`, `、` or `,`; an empty cell is no value.
 * Pure: header mapping and cell parsing.
 */
import type { DataElement, DataSet, DataValue, OptionSet } from './program.js';
import { allElements } from './program.js';

export const ORG_CODE_HEADERS = ['org_code', '机构编码', '机构代码'];
export const PERIOD_HEADERS = ['period', '期间', '报告期', '年度'];
/** Columns a template carries for people, not for the store: read past, never stored. */
export const INFO_HEADERS = ['org_name', '机构名称', 'facility_type', '机构类型', 'division', '所属区划'];

export type ColumnRole = { kind: 'org_code' } | { kind: 'period' } | { kind: 'info' } | { kind: 'element'; code: string } | { kind: 'unknown'; header: string };

/** What each header of a file means for a data set. */
export function mapHeaders(headers: string[], dataSet: DataSet, elements: Map<string, DataElement>): ColumnRole[] {
  const byName = new Map<string, string>();
  for (const code of allElements(dataSet)) {
    byName.set(code.toLowerCase(), code);
    const el = elements.get(code);
    if (el) byName.set(el.name.zh, code);
  }
  return headers.map((raw) => {
    const h = raw.replace(/^\uFEFF/, '').trim();
    const lower = h.toLowerCase();
    if (ORG_CODE_HEADERS.includes(lower) || ORG_CODE_HEADERS.includes(h)) return { kind: 'org_code' };
    if (PERIOD_HEADERS.includes(lower) || PERIOD_HEADERS.includes(h)) return { kind: 'period' };
    if (INFO_HEADERS.includes(lower) || INFO_HEADERS.includes(h)) return { kind: 'info' };
    const code = byName.get(lower) ?? byName.get(h);
    return code ? { kind: 'element', code } : { kind: 'unknown', header: h };
  });
}

const TRUE = new Set(['1', 'true', '是', 'yes', 'y', '有']);
const FALSE = new Set(['0', 'false', '否', 'no', 'n', '无']);

export type CellResult = { ok: true; value: DataValue } | { ok: false; code: 'E1403' | 'E4008' };

/** Parses one non-empty cell for its element. */
export function parseCell(text: string, el: DataElement, optionSets: Map<string, OptionSet>): CellResult {
  const t = text.trim();
  switch (el.valueType) {
    case 'BOOLEAN': {
      const l = t.toLowerCase();
      if (TRUE.has(l)) return { ok: true, value: true };
      if (FALSE.has(l)) return { ok: true, value: false };
      return { ok: false, code: 'E1403' };
    }
    case 'INTEGER':
    case 'NUMBER': {
      if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, code: 'E1403' };
      const n = Number(t);
      if (el.valueType === 'INTEGER' && !Number.isInteger(n)) return { ok: false, code: 'E1403' };
      if ((el.min !== undefined && n < el.min) || (el.max !== undefined && n > el.max)) return { ok: false, code: 'E1403' };
      return { ok: true, value: n };
    }
    case 'TEXT':
      return { ok: true, value: t };
    case 'MULTI_OPTION': {
      const set = optionSets.get(el.optionSet ?? '');
      const byName = new Map<string, string>();
      for (const o of set?.options ?? []) {
        byName.set(o.code.toLowerCase(), o.code);
        byName.set(o.name.zh, o.code);
      }
      const chosen = new Set<string>();
      for (const part of t.split(/[;；、,，]/).map((s) => s.trim()).filter(Boolean)) {
        const code = byName.get(part.toLowerCase()) ?? byName.get(part);
        if (!code) return { ok: false, code: 'E4008' };
        chosen.add(code);
      }
      return { ok: true, value: (set?.options ?? []).map((o) => o.code).filter((c) => chosen.has(c)) };
    }
  }
}
