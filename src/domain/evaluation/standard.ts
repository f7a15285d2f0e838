/**
 * Evaluation standards (评价标准) as data: a versioned file under `programs/<program>/standards/`
 * (../shared/docs/modules/evaluation.md, "Standards as data"). A standard names its subject (the
 * county-level units of an area, or facilities of given types), its scale and pass line, and a
 * tree of sections → items; each item is BASIC, BONUS or VETO and is scored by one mode —
 * automatic from the live data, or manual by a reviewer with the evidence it requires. Pure (zod).
 */
import { z } from 'zod';
import { FACILITY_TYPES } from '../facility.js';

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const fraction = z.number().min(0).max(10);

/** What an automatic item reads for its subject: an indicator of the subject's area, or values of a facility's own report. */
const source = z.union([
  z.object({ indicator: z.string().min(1) }).strict(),
  z.object({ element: z.string().min(1) }).strict().describe("a facility subject's own reported value"),
  z.object({ ratio: z.tuple([z.string().min(1), z.string().min(1)]) }).strict().describe("a facility subject's numerator ÷ denominator element"),
]);
export type ItemSource = z.infer<typeof source>;

const band = z.object({ min: z.number(), points: z.number().min(0) }).strict();

export const itemMode = z.discriminatedUnion('type', [
  z.object({ type: z.literal('INDICATOR_BANDS'), source, bands: z.array(band).min(1) }).strict(),
  z.object({ type: z.literal('INDICATOR_LINEAR'), source, from: z.number(), to: z.number() }).strict(),
  z
    .object({
      type: z.literal('COMPLETENESS_BELOW'),
      threshold: fraction,
      types: z.array(z.enum(FACILITY_TYPES)).min(1).describe('the facility types whose reports count'),
    })
    .strict(),
  z.object({ type: z.literal('YES_NO') }).strict(),
  z.object({ type: z.literal('POINTS'), step: z.number().positive().default(0.5) }).strict(),
  z.object({ type: z.literal('MANUAL_VETO') }).strict(),
]);
export type ItemMode = z.infer<typeof itemMode>;

/** The on-site review's methods (evaluation.md): 访谈, 查资料, 看数据, 技术考核, 实地查看. */
export const REVIEW_METHODS = ['INTERVIEW', 'DOCUMENTS', 'DATA', 'SKILLS', 'SITE'] as const;
export type ReviewMethod = (typeof REVIEW_METHODS)[number];
export const REVIEW_METHOD_NAMES: Record<ReviewMethod, { zh: string; en: string }> = {
  INTERVIEW: { zh: '访谈', en: 'Interview' },
  DOCUMENTS: { zh: '查资料', en: 'Documents' },
  DATA: { zh: '看数据', en: 'Data' },
  SKILLS: { zh: '技术考核', en: 'Skills test' },
  SITE: { zh: '实地查看', en: 'Site visit' },
};

export const AUTOMATIC_MODES = ['INDICATOR_BANDS', 'INDICATOR_LINEAR', 'COMPLETENESS_BELOW'] as const;

export const standardItem = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/),
    name: text,
    kind: z.enum(['BASIC', 'BONUS', 'VETO']),
    /** Points; none for a veto. */
    max: z.number().positive().optional(),
    mode: itemMode,
    evidence: z.array(text).default([]).describe('the kinds of document a reviewer needs'),
    guide: text.optional().describe('how to score it'),
    methods: z.array(z.enum(REVIEW_METHODS)).default([]).describe('how the on-site review checks it (none given: 看数据 for automatic items, 查资料 for manual ones)'),
  })
  .strict()
  .superRefine((it, ctx) => {
    if (it.kind === 'VETO' && it.max !== undefined) ctx.addIssue({ code: 'custom', message: `${it.code}: a veto has no points` });
    if (it.kind !== 'VETO' && it.max === undefined) ctx.addIssue({ code: 'custom', message: `${it.code}: points (max) required` });
    const vetoMode = it.mode.type === 'COMPLETENESS_BELOW' || it.mode.type === 'MANUAL_VETO';
    if (vetoMode !== (it.kind === 'VETO')) ctx.addIssue({ code: 'custom', message: `${it.code}: ${it.mode.type} and ${it.kind} do not go together` });
  });
export type StandardItem = z.infer<typeof standardItem>;

export const standardSection = z
  .object({ code: z.string().min(1), name: text, minimum: z.number().min(0).optional().describe('points the section must reach to pass'), items: z.array(standardItem).min(1) })
  .strict();
export type StandardSection = z.infer<typeof standardSection>;

export const standardSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('COUNTY') }).strict().describe('county-level units (level 3 divisions)'),
  z.object({ kind: z.literal('CITY') }).strict().describe('city-level units (level 2 divisions)'),
  z.object({ kind: z.literal('FACILITY'), types: z.array(z.enum(FACILITY_TYPES)).min(1) }).strict(),
]);
export type StandardSubject = z.infer<typeof standardSubject>;

export const standard = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
    version: z.string().min(1),
    name: text,
    subject: standardSubject,
    dataSet: z.string().min(1).describe('the data set whose reports the automatic items read'),
    scale: z.number().positive().default(100),
    passLine: z.number().min(0),
    /** A city pre-review between self-assessment and the provincial review. */
    cityPreReview: z.boolean().default(false),
    /** The title naming grants (division_title), when the standard names units. */
    title: z.string().optional(),
    sections: z.array(standardSection).min(1),
    note: text.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const codes = s.sections.flatMap((x) => x.items.map((i) => i.code));
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `item ${dup} appears twice` });
    if (s.subject.kind !== 'FACILITY')
      for (const it of s.sections.flatMap((x) => x.items))
        if ('source' in it.mode && !('indicator' in it.mode.source)) ctx.addIssue({ code: 'custom', message: `${it.code}: an area subject reads indicators, not a facility's values` });
  });
export type Standard = z.infer<typeof standard>;

export const allItems = (s: Standard): StandardItem[] => s.sections.flatMap((x) => x.items);
export const isAutomatic = (it: StandardItem): boolean => (AUTOMATIC_MODES as readonly string[]).includes(it.mode.type);
/** How the on-site review checks an item: the standard's methods, or 看数据 / 查资料 by its mode. */
export const methodsOf = (it: StandardItem): ReviewMethod[] => (it.methods.length ? it.methods : isAutomatic(it) ? ['DATA'] : ['DOCUMENTS']);
