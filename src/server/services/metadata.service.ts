/** Program metadata loaded from `programs/<name>/metadata.json` at start. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { FACILITY_TYPES, type FacilityType } from '../../domain/facility.js';
import { elementsFor, type DataElement, type DataSet, type OptionSet, type ProgramMetadata } from '../../domain/program.js';

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

export class MetadataService {
  readonly elements: Map<string, DataElement>;
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

  /** Reads every `programs/<name>/metadata.json` under the directory. */
  static load(programsDir: string): MetadataService {
    const programs: ProgramMetadata[] = [];
    for (const name of readdirSync(programsDir).sort()) {
      const file = join(programsDir, name, 'metadata.json');
      if (!existsSync(file)) continue;
      const parsed = metadataSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`metadata ${file}: ${parsed.error.message}`);
      programs.push(parsed.data as ProgramMetadata);
    }
    return new MetadataService(programs);
  }

  dataSet(code: string): DataSet {
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
