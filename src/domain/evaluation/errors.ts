/** The evaluation error catalogue: standards, scoring, cycles and the review workflow. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const EVALUATION_ERRORS = {
  E7001: { status: 404, zh: '评价标准不存在', en: 'Standard not found' },
  E7002: { status: 400, zh: '所选区域低于该标准的评价对象层级（{subject}）', en: "The area is below the standard's subjects ({subject})" },
} as const satisfies Record<string, ErrorDef>;
