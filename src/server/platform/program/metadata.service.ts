/** Program metadata loaded from `programs/<name>/metadata.json` at start. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../domain/errors.js';
import { programMetadata } from '../../../domain/api/platform.js';
import { indicator } from '../../../domain/api/indicators.js';
import type { FacilityType } from '../../../domain/facility.js';
import type { Indicator } from '../../../domain/indicator.js';
import { elementsFor, type DataElement, type DataSet, type OptionSet, type ProgramMetadata } from '../../../domain/program.js';

/** The files are read with the same schemas the API answers with (src/domain/api), so the two cannot drift. */
const metadataSchema = programMetadata;
const indicatorsSchema = z.object({ indicators: z.array(indicator) });

export class MetadataService {
  readonly elements: Map<string, DataElement>;
  /** Indicators of every program, in file order. */
  readonly indicators: Map<string, Indicator> = new Map();
  readonly optionSets: Map<string, OptionSet>;
  readonly dataSets: Map<string, DataSet>;
  /** Element names by code, for messages. */
  readonly elementNames: Map<string, { zh: string; en: string }>;

  constructor(readonly programs: ProgramMetadata[]) {
    this.elements = new Map(programs.flatMap((p) => p.dataElements.map((e) => [e.code, e] as const)));
    this.optionSets = new Map(programs.flatMap((p) => p.optionSets.map((o) => [o.code, o] as const)));
    this.dataSets = new Map(programs.flatMap((p) => p.dataSets.map((d) => [d.code, d] as const)));
    this.elementNames = new Map([...this.elements.values()].map((e) => [e.code, e.name]));
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

  elementsFor(dataSetCode: string, type: FacilityType): string[] {
    return elementsFor(this.dataSet(dataSetCode), type);
  }
}
