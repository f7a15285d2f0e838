/**
 * The files of an allocation by factors: the factor table (`area_code,` then one column per factor)
 * and the performance bands (`area_code,band`), as CSV in UTF-8 (with or without Excel's BOM) or
 * GB18030 (WPS and Excel's "CSV" on a Chinese Windows).
 */
import { parse } from 'csv-parse/sync';
import { parseBand, type Band, type FactorArea } from '../../../domain/funds/allocation.js';
import { AppError } from '../../../domain/errors.js';

const AREA_HEADERS = ['area_code', '区划代码', '地区代码'];

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function rows(bytes: Buffer): string[][] {
  let table: string[][];
  try {
    table = parse(decode(bytes), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    throw new AppError('E8508', { reason: (e as Error).message });
  }
  return table.filter((r) => r.some((c) => c !== ''));
}

/** The factor table: its factor columns in order and one area per row (row numbers as in the file, header = 1). */
export function readFactorTable(bytes: Buffer): { columns: string[]; areas: FactorArea[] } {
  const table = rows(bytes);
  const [header, ...body] = table;
  if (!header || !AREA_HEADERS.includes(header[0]!.toLowerCase()))
    throw new AppError('E8508', { reason: '第一列须为 area_code / the first column must be area_code' });
  const columns = header.slice(1);
  if (columns.length === 0) throw new AppError('E8508', { reason: '没有因素列 / no factor column' });
  const dup = columns.find((c, i) => !c || columns.indexOf(c) !== i);
  if (dup !== undefined) throw new AppError('E8508', { reason: `因素列名为空或重复：${dup} / empty or repeated column name: ${dup}` });
  const areas = body.map((r, i) => {
    if (r.length !== header.length) throw new AppError('E8508', { row: i + 2, reason: `第 ${i + 2} 行有 ${r.length} 列，表头有 ${header.length} 列 / row ${i + 2} has ${r.length} columns, the header ${header.length}` });
    return { code: r[0]!, row: i + 2, factors: Object.fromEntries(columns.map((c, k) => [c, r[k + 1]!])) };
  });
  return { columns, areas };
}

/** The performance bands: `area_code,band`; an empty band is no band. */
export function readBands(bytes: Buffer): Record<string, Band> {
  const table = rows(bytes);
  const [header, ...body] = table;
  if (!header || !AREA_HEADERS.includes(header[0]!.toLowerCase()) || header.length < 2)
    throw new AppError('E8508', { reason: '绩效等级表须为 area_code,band / the performance file must be area_code,band' });
  const out: Record<string, Band> = {};
  body.forEach((r, i) => {
    const code = r[0] ?? '';
    const text = r[1] ?? '';
    if (code in out) throw new AppError('E8509', { row: i + 2, field: 'area_code', value: code });
    if (text === '') return;
    const band = parseBand(text);
    if (!band) throw new AppError('E8510', { row: i + 2, field: 'band', value: text });
    out[code] = band;
  });
  return out;
}

/** `NAME=W,NAME=W…` → weights by name (names may hold any character but `=` and `,`). */
export function parseWeights(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0 || eq === part.length - 1) throw new AppError('E8502', { field: 'weights', value: part });
    const name = part.slice(0, eq).trim();
    if (name in out) throw new AppError('E8502', { field: 'weights', value: part });
    out[name] = part.slice(eq + 1).trim();
  }
  if (Object.keys(out).length === 0) throw new AppError('E8502', { field: 'weights', value: text });
  return out;
}
