/** Program metadata loaded from `programs/<name>/metadata.json` at start. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../domain/errors.js';
import { FACILITY_TYPES, type FacilityType } from '../../../domain/facility.js';
import type { Indicator } from '../../../domain/indicator.js';
import { elementsFor, type DataElement, type DataSet, type OptionSet, type ProgramMetadata } from '../../../domain/program.js';

const i18n = z.object({ zh: z.string(), en: z.string() });
const facilityType = z.enum(FACILITY_TYPES);
const metadataSchema = z.object({
  program: z.object({ code: z.string(), name: i18n, source: z.string().optional() }),
  optionSets: z.array(z.object({ code: z.string(), name: i18n, source: z.string().optional(), options: z.array(z.object({ code: z.string(), name: i18n })) })),
  dataElements: z.array(
    z.object({
      code: z.string().regex(/^[a-z][a-z0-9_]*$/),
      valueType: z.enum(['BOOLEAN', 'INTEGER', 'NUMBER', 'TEXT', 'MULTI_OPTION']),
      name: i18n,
      help: i18n.optional(),
      optionSet: z.string().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
  ),
  dataSets: z.array(
    z.object({
      code: z.string(),
      name: i18n,
      periodType: z.enum(['YEARLY', 'QUARTERLY', 'MONTHLY']),
      deadline: z.object({ monthsAfterPeriodEnd: z.number().int().min(0), note: i18n.optional() }).optional(),
      facilityTypes: z.array(facilityType),
      sections: z.array(z.object({ code: z.string(), name: i18n, elements: z.array(z.object({ code: z.string(), appliesTo: z.array(facilityType) })) })),
      derivations: z.array(z.any()).optional(),
      validationRules: z
        .array(
          z.object({
            code: z.string(),
            left: z.string(),
            operator: z.enum(['<=', '<', '>=', '>', '==', '!=']),
            right: z.string(),
            severity: z.enum(['ERROR', 'WARNING']),
            message: i18n,
          }),
        )
        .optional(),
    }),
  ),
});

const conditionSchema = z.union([
  z.object({ element: z.string(), op: z.enum(['=', '>=', '>', '<=', '<']), value: z.union([z.number(), z.boolean()]) }),
  z.object({ optionCount: z.string(), op: z.enum(['=', '>=', '>', '<=', '<']), value: z.number() }),
]);
const indicatorsSchema = z.object({
  indicators: z.array(
    z.object({
      code: z.string().regex(/^[a-z][a-z0-9_]*$/),
      group: z.string().optional(),
      name: i18n,
      description: i18n.optional(),
      kind: z.enum(['FACILITY_SHARE', 'RATIO', 'COUNTY_SHARE']),
      dataSet: z.string(),
      types: z.array(facilityType).optional(),
      numerator: z.union([
        conditionSchema,
        z.object({ sum: z.string() }),
        z.object({ hasFacility: z.object({ types: z.array(facilityType), ownership: z.enum(['PUBLIC', 'PRIVATE']).optional() }) }),
        z.object({ hasTitle: z.object({ title: z.string() }) }),
      ]),
      denominator: z.object({ sum: z.string() }).optional(),
      counties: z.object({ kinds: z.array(z.string()) }).optional(),
      targets: z.array(z.object({ threshold: z.number(), comparison: z.enum(['>=', '<=']), deadline: z.string(), source: z.string(), clause: i18n.optional() })),
      monitor: i18n.optional(),
    }),
  ),
});

export class MetadataService {
  readonly elements: Map<string, DataElement>;
  /** Indicators of every program, in file order. */
  readonly indicators: Map<string, Indicator> = new Map();
  readonly optionSets: Map<string, OptionSet>;
  readonly dataSets: Map<string, DataSet>;

  constructor(readonly programs: ProgramMetadata[]) {
    this.elements = new Map(programs.flatMap((p) => p.dataElements.map((e) => [e.code, e] as const)));
    this.optionSets = new Map(programs.flatMap((p) => p.optionSets.map((o) => [o.code, o] as const)));
    this.dataSets = new Map(programs.flatMap((p) => p.dataSets.map((d) => [d.code, d] as const)));
    for (const ds of this.dataSets.values())
      for (const s of ds.sections)
        for (const e of s.elements)
          if (!this.elements.has(e.code)) throw new Error(`metadata: data set ${ds.code} names unknown element ${e.code}`);
  }

  /** Reads every `programs/<name>/metadata.json` (and `indicators.json`, if any) under the directory. */
  static load(programsDir: string): MetadataService {
    const programs: ProgramMetadata[] = [];
    const indicators: Indicator[] = [];
    for (const name of readdirSync(programsDir).sort()) {
      const file = join(programsDir, name, 'metadata.json');
      if (!existsSync(file)) continue;
      const parsed = metadataSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`metadata ${file}: ${parsed.error.message}`);
      programs.push(parsed.data as ProgramMetadata);
      const indFile = join(programsDir, name, 'indicators.json');
      if (!existsSync(indFile)) continue;
      const ind = indicatorsSchema.safeParse(JSON.parse(readFileSync(indFile, 'utf8')));
      if (!ind.success) throw new Error(`indicators ${indFile}: ${ind.error.message}`);
      indicators.push(...(ind.data.indicators as Indicator[]));
    }
    const m = new MetadataService(programs);
    for (const i of indicators) {
      m.dataSet(i.dataSet);
      m.indicators.set(i.code, i);
    }
    return m;
  }

  indicator(code: string): Indicator {
    const i = this.indicators.get(code);
    if (!i) throw new AppError('E6001', { field: 'indicator', value: code });
    return i;
  }

  /** The programme's default data set: the first program's first (GTCM_ANNUAL here), so no route or command names it. */
  get defaultDataSet(): DataSet {
    const first = this.programs[0]?.dataSets[0];
    if (!first) throw new AppError('E1104', { field: 'dataSet' });
    return this.dataSets.get(first.code)!;
  }

  /** A data set by code; without a code, the default one. */
  dataSet(code?: string): DataSet {
    if (code === undefined || code === '') return this.defaultDataSet;
    const ds = this.dataSets.get(code);
    if (!ds) throw new AppError('E1104', { field: 'dataSet', value: code });
    return ds;
  }

  /** Element names by code, for messages. */
  get elementNames(): Map<string, { zh: string; en: string }> {
    return new Map([...this.elements.values()].map((e) => [e.code, e.name]));
  }

  elementsFor(dataSetCode: string, type: FacilityType): string[] {
    return elementsFor(this.dataSet(dataSetCode), type);
  }
}
