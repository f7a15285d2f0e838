/**
 * Validation of a report's values against its data set's rules (metadata) and against the
 * facility's previous period. Pure, shared by the server and the web form.
 */
import type { DataSet, DataValues, I18nText, ValidationRule } from './program.js';

export interface Violation {
  rule: string;
  elements: string[];
  severity: 'ERROR' | 'WARNING';
  message: string;
  messageEn: string;
}

export interface ValidationResult {
  errors: Violation[];
  warnings: Violation[];
}

/** A value more than this many times, or less than its inverse, of the previous period's warns. */
export const CHANGE_FACTOR = 3;

const compare: Record<ValidationRule['operator'], (a: number, b: number) => boolean> = {
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Each rule compares two numeric elements; a rule with a side missing is not applied. */
export function checkRules(rules: ValidationRule[], values: DataValues): Violation[] {
  const out: Violation[] = [];
  for (const r of rules) {
    const a = values[r.left];
    const b = values[r.right];
    if (typeof a !== 'number' || typeof b !== 'number') continue;
    if (!compare[r.operator](a, b))
      out.push({ rule: r.code, elements: [r.left, r.right], severity: r.severity, message: r.message.zh, messageEn: r.message.en });
  }
  return out;
}

/** Warnings for numeric values that jumped more than 3× or fell below ⅓ of the previous period's. */
export function checkChanges(values: DataValues, previous: DataValues | null, names: Map<string, I18nText>): Violation[] {
  if (!previous) return [];
  const out: Violation[] = [];
  for (const [code, v] of Object.entries(values)) {
    const p = previous[code];
    if (typeof v !== 'number' || typeof p !== 'number' || p <= 0) continue;
    if (v > p * CHANGE_FACTOR || v < p / CHANGE_FACTOR) {
      const n = names.get(code) ?? { zh: code, en: code };
      out.push({
        rule: 'W_CHANGE',
        elements: [code],
        severity: 'WARNING',
        message: `${n.zh}（${v}）与上期（${p}）相比变化超过 ${CHANGE_FACTOR} 倍，请核实并说明`,
        messageEn: `${n.en} (${v}) differs from the previous period (${p}) by more than ${CHANGE_FACTOR}×: check it and explain`,
      });
    }
  }
  return out;
}

/** The required elements left empty, one error each (rule `REQUIRED`), so the form marks every one of them. */
export function checkRequired(required: readonly string[], values: DataValues, names: Map<string, I18nText>): Violation[] {
  return required
    .filter((code) => values[code] === undefined || values[code] === null || values[code] === '')
    .map((code) => {
      const name = names.get(code) ?? { zh: code, en: code };
      return { rule: 'REQUIRED', elements: [code], severity: 'ERROR' as const, message: `必填项未填：${name.zh}`, messageEn: `Required: ${name.en}` };
    });
}

/**
 * Rule errors and warnings of a report's values: the data set's rules, changes from the previous
 * period, and (given the facility type's required elements) what is left empty.
 */
export function validateValues(dataSet: DataSet, values: DataValues, previous: DataValues | null, names: Map<string, I18nText>, required: readonly string[] = []): ValidationResult {
  const all = [...checkRequired(required, values, names), ...checkRules(dataSet.validationRules ?? [], values), ...checkChanges(values, previous, names)];
  return { errors: all.filter((v) => v.severity === 'ERROR'), warnings: all.filter((v) => v.severity === 'WARNING') };
}
