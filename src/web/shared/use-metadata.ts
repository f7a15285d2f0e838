/** The program metadata (GET /api/metadata), loaded once per page load, with lookups for the default data set. */
import type { DataElement, DataSet, OptionSet, ProgramMetadata } from '../../domain/program.js';
import { metadataApi } from './metadata-api.js';
import { useAsync } from './use-async.js';

export interface DataSetMeta {
  program: ProgramMetadata;
  dataSet: DataSet;
  elements: Map<string, DataElement>;
  optionSets: Map<string, OptionSet>;
  /** Whom users call for help (GTCM_SUPPORT_CONTACT), null when the operator named none. */
  support: string | null;
}

let cache: Promise<DataSetMeta> | null = null;

function load(): Promise<DataSetMeta> {
  cache ??= metadataApi
    .get()
    .then(({ programs, defaultDataSet, support }) => {
      for (const program of programs as ProgramMetadata[]) {
        const dataSet = program.dataSets.find((d) => d.code === defaultDataSet);
        if (dataSet) {
          return {
            program,
            dataSet,
            elements: new Map(program.dataElements.map((e) => [e.code, e])),
            optionSets: new Map(program.optionSets.map((o) => [o.code, o])),
            support,
          };
        }
      }
      throw new Error(`${defaultDataSet}?`);
    })
    .catch((err: unknown) => {
      cache = null; // try again next time
      throw err;
    });
  return cache;
}

export function useDataSetMeta(): { meta: DataSetMeta | null; error: unknown } {
  const { data: meta, error } = useAsync('metadata', load);
  return { meta, error };
}
