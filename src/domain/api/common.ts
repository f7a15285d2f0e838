/**
 * Pieces every API schema file uses: bilingual text, paging, the `{ ok: true }` answer, a data
 * set code, and file downloads. Pure (only zod): the server validates and serialises with these
 * schemas, the web infers its types from them (z.infer).
 */
import { z } from 'zod';

export const i18nText = z.object({ zh: z.string(), en: z.string() });
export type I18nTextView = z.infer<typeof i18nText>;

/** The answer of a command that returns nothing else. */
export const okAnswer = z.object({ ok: z.literal(true) });
export type OkAnswer = z.infer<typeof okAnswer>;

/** `page` (from 1) and `pageSize` (1 … max, default 20) of a paged list. */
export function pageQuery(maxPageSize = 200) {
  return {
    page: z.coerce.number<number | string>().int().min(1).default(1),
    pageSize: z.coerce.number<number | string>().int().min(1).max(maxPageSize).default(20),
  };
}

/** A page of items: `{ items, total, page, pageSize }`. */
export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** A data set's code (`GTCM_ANNUAL`, …). */
export const dataSetCode = z.string().min(1).max(40);
/** A period's code: `2024`, `2024Q1`, `202401`. */
export const periodCode = z.string().min(1).max(10);
/** An area: a division code, or `CN` for the country. */
export const areaCode = z.string().max(20);

/** ISO date `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A comma-separated list in a query (`a,b,c`), trimmed, empty entries dropped. */
export const csvList = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/**
 * The answer of a file download. The route sends a Buffer or a stream, which Fastify passes by
 * the serializer; this schema only documents it (`produces` names the media types).
 */
export function fileAnswer(description: string) {
  return z.any().meta({ description, type: 'string', format: 'binary' });
}
