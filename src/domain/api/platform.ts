/**
 * API schemas of the platform routes (docs/API.md): health, the OpenAPI document, the programme
 * metadata and the audit log. Pure (zod and src/domain only).
 */
import { z } from 'zod';
import { fileAnswer, i18nText, paged, pageQuery } from './common.js';
import { facilityType } from './org-units.js';

// ---- health and the document

export const healthAnswer = z.object({ ok: z.literal(true), store: z.enum(['sqlite', 'postgres']), version: z.string() });
export type HealthAnswer = z.infer<typeof healthAnswer>;

/** GET /api/health/live: the process answers (a balancer restarts a node that does not). */
export const liveAnswer = z.object({ ok: z.literal(true), pid: z.number().int(), uptimeSeconds: z.number(), version: z.string() });
export type LiveAnswer = z.infer<typeof liveAnswer>;

/** GET /api/health/ready (200 when ready, 503 when not): whether a balancer should send this node requests. */
export const readyAnswer = z.object({
  ready: z.boolean(),
  store: z.object({ dialect: z.enum(['sqlite', 'postgres']), ok: z.boolean(), ms: z.number().nullable(), error: z.string().nullable() }),
  migrations: z.object({ ok: z.boolean(), pending: z.array(z.string()) }),
  analytics: z.object({
    state: z.enum(['starting', 'building', 'ready', 'failed']),
    lagSeconds: z.number().nullable().describe('seconds since the last catch-up with the store'),
    error: z.string().nullable(),
    retryInSeconds: z.number().nullable(),
  }),
  version: z.string(),
});
export type ReadyAnswer = z.infer<typeof readyAnswer>;

/** GET /api/openapi.json (hidden from the document itself). */
export const openApiAnswer = z.record(z.string(), z.unknown()).describe('the OpenAPI 3 document');

// ---- programme metadata (programs/<name>/metadata.json, as the server loaded it)

export const optionSet = z.object({
  code: z.string(),
  name: i18nText,
  source: z.string().optional(),
  options: z.array(z.object({ code: z.string(), name: i18nText })),
});

export const dataElement = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case code: letters, digits, _'),
  valueType: z.enum(['BOOLEAN', 'INTEGER', 'NUMBER', 'TEXT', 'MULTI_OPTION']),
  name: i18nText,
  help: i18nText.optional(),
  optionSet: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const validationRule = z.object({
  code: z.string(),
  left: z.string(),
  operator: z.enum(['<=', '<', '>=', '>', '==', '!=']),
  right: z.string(),
  severity: z.enum(['ERROR', 'WARNING']),
  message: i18nText,
});

export const derivation = z.object({
  element: z.string(),
  forTypes: z.array(facilityType),
  rule: z.literal('ANY_PRESENT'),
  of: z.array(z.string()),
  note: i18nText.optional(),
});

export const dataSet = z.object({
  code: z.string(),
  name: i18nText,
  periodType: z.enum(['YEARLY', 'QUARTERLY', 'MONTHLY']),
  firstPeriod: z.string().max(10).optional().describe('the first period collected; period lists start here'),
  earlyReporting: z.boolean().optional().describe('true: a period may be reported before it ends'),
  deadline: z.object({ monthsAfterPeriodEnd: z.number().int().min(0), note: i18nText.optional() }).optional(),
  facilityTypes: z.array(facilityType),
  sections: z.array(z.object({ code: z.string(), name: i18nText, elements: z.array(z.object({ code: z.string(), appliesTo: z.array(facilityType), required: z.union([z.boolean(), z.array(facilityType)]).optional().describe('must be filled before submitting (for these types)') })) })),
  derivations: z.array(derivation).optional(),
  validationRules: z.array(validationRule).optional(),
});
export type DataSetView = z.infer<typeof dataSet>;

export const programMetadata = z.object({
  program: z.object({ code: z.string(), name: i18nText, source: z.string().optional() }),
  optionSets: z.array(optionSet),
  dataElements: z.array(dataElement),
  dataSets: z.array(dataSet),
});
export type ProgramMetadataView = z.infer<typeof programMetadata>;

export const metadataAnswer = z.object({
  programs: z.array(programMetadata),
  defaultDataSet: z.string().describe('the data set used where a request names none'),
  support: z.string().nullable().describe('who users call for help (GTCM_SUPPORT_CONTACT), shown on the help page'),
});

/** The 数据字典 and 指标口径 downloads. */
export const dictionaryQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const dataDictionaryAnswer = fileAnswer('every data element of every data set: code, name, type, options, the facility types it applies to and must fill, its help');
export const indicatorDefinitionsAnswer = fileAnswer('every indicator: what it counts over what, for which facilities, its targets and their sources');
export type MetadataAnswer = z.infer<typeof metadataAnswer>;

const definitionTable = z.object({
  columns: z.array(z.object({ key: z.string(), header: z.string(), width: z.number().optional() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});
export const definitionsAnswer = z.object({
  dictionary: definitionTable.describe('the 数据字典: the rows of GET /api/metadata/data-dictionary'),
  indicators: definitionTable.describe('the 指标口径: the rows of GET /api/metadata/indicator-definitions'),
});
export type DefinitionsAnswer = z.infer<typeof definitionsAnswer>;

// ---- the audit log

export const auditQuery = z.object({
  entity: z.string().max(20).optional().describe('facility, user, report, …'),
  actor: z.string().max(40).optional(),
  key: z.string().max(80).optional().describe("the entity's key (a facility code, a username, dataSet/period/facility)"),
  ...pageQuery(200),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityKey: z.string(),
  areaCode: z.string().describe('the division the record concerns (CN for national matters)'),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditAnswer = paged(auditEntry);
export type AuditAnswer = z.infer<typeof auditAnswer>;
