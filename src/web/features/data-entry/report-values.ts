/** Between report values (API) and form values, and how a value reads in the UI. */
import type { DataElement, DataValue, DataValues, OptionSet } from '../../../domain/program.js';
import { formatNumber } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n.js';

/**
 * What a number field holds: the number when the text is one (thousands separators allowed),
 * else the text as typed — never a silently changed or dropped value (`-5` stays `-5`, `abc` stays
 * `abc`, and the field says what is wrong, see `numberProblem`).
 */
export function parseNumberInput(text: unknown): number | string | undefined {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  const plain = t.replace(/[,，]/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : text;
}

/** Why a number field's value is not acceptable (null when it is, or empty). */
export function numberProblem(
  value: unknown,
  element: Pick<DataElement, 'valueType' | 'min' | 'max'>,
): { key: 'entry.notNumber' | 'entry.notWhole' | 'entry.belowMin' | 'entry.aboveMax'; min?: number; max?: number } | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'number') return { key: 'entry.notNumber' };
  if (element.valueType === 'INTEGER' && !Number.isInteger(value)) return { key: 'entry.notWhole' };
  const min = element.min ?? 0;
  if (value < min) return { key: 'entry.belowMin', min };
  if (element.max !== undefined && value > element.max) return { key: 'entry.aboveMax', max: element.max };
  return null;
}

/** The form's values as report values: empty fields are left out (empty cell = no value). */
export function toReportValues(form: Record<string, unknown>, elements: readonly string[], numeric: ReadonlySet<string> = new Set()): DataValues {
  const out: DataValues = {};
  for (const code of elements) {
    const v = form[code];
    if (v === undefined || v === null || v === '') continue;
    // Text in a number field is not a value: the field shows its error and saving waits for it.
    if (numeric.has(code) && typeof v !== 'number') continue;
    if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') out[code] = v;
    else if (Array.isArray(v)) out[code] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** The report's values as initial form values (only the elements on the form). */
export function toFormValues(values: DataValues | null | undefined, elements: readonly string[]): Record<string, DataValue> {
  const out: Record<string, DataValue> = {};
  if (!values) return out;
  for (const code of elements) if (values[code] !== undefined && values[code] !== null) out[code] = values[code];
  return out;
}

/** A value as text: 是/否, thousands separators, option names joined by 、. */
export function formatValue(
  value: DataValue | null | undefined,
  element: DataElement | undefined,
  optionSets: Map<string, OptionSet>,
  lang: Lang,
): string {
  if (value === undefined || value === null || value === '') return '–';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'zh' ? '（无）' : '(none)';
    const options = optionSets.get(element?.optionSet ?? '')?.options ?? [];
    const name = (code: string) => options.find((o) => o.code === code)?.name[lang] ?? code;
    return value.map(name).join(lang === 'zh' ? '、' : ', ');
  }
  return String(value);
}
