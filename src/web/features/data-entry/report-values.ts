/** Between report values (API) and form values, and how a value reads in the UI. */
import type { DataElement, DataValue, DataValues, OptionSet } from '../../../domain/program.js';
import { formatNumber } from '../../shared/format.js';
import type { Lang } from '../../shared/i18n.js';

/** The form's values as report values: empty fields are left out (empty cell = no value). */
export function toReportValues(form: Record<string, unknown>, elements: readonly string[]): DataValues {
  const out: DataValues = {};
  for (const code of elements) {
    const v = form[code];
    if (v === undefined || v === null || v === '') continue;
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
