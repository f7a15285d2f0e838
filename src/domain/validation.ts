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

export function validateValues(dataSet: DataSet, values: DataValues, previous: DataValues | null, names: Map<string, I18nText>): ValidationResult {
  const all = [...checkRules(dataSet.validationRules ?? [], values), ...checkChanges(values, previous, names)];
  return { errors: all.filter((v) => v.severity === 'ERROR'), warnings: all.filter((v) => v.severity === 'WARNING') };
}
