/** The program metadata (GET /api/metadata), loaded once per page load, with lookups for GTCM_ANNUAL. */
import type { DataElement, DataSet, OptionSet, ProgramMetadata } from '../../domain/program.js';
import { DATA_SET, metadataApi } from './metadata-api.js';
import { useAsync } from './use-async.js';

export interface DataSetMeta {
  program: ProgramMetadata;
  dataSet: DataSet;
  elements: Map<string, DataElement>;
  optionSets: Map<string, OptionSet>;
}

let cache: Promise<DataSetMeta> | null = null;

function load(): Promise<DataSetMeta> {
  cache ??= metadataApi
    .get()
    .then(({ programs }) => {
      for (const program of programs) {
        const dataSet = program.dataSets.find((d) => d.code === DATA_SET);
        if (dataSet) {
          return {
            program,
            dataSet,
            elements: new Map(program.dataElements.map((e) => [e.code, e])),
            optionSets: new Map(program.optionSets.map((o) => [o.code, o])),
          };
        }
      }
      throw new Error(`${DATA_SET}?`);
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
