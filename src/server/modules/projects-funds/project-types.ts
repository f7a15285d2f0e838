/** Project types as data: programs/<program>/projects/*.json, and the reference lists they name (three-regions.json). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectType, regionList, type ProjectType, type RegionList } from '../../../domain/funds/project.js';
import { AppError } from '../../../domain/errors.js';

export interface ProjectCatalogue {
  types: ProjectType[];
  regions: RegionList[];
}

/** Reads and checks every type (a broken file stops the start with its name and problem). */
export function loadProjectTypes(programsDir: string, program = 'grassroots-tcm'): ProjectCatalogue {
  const dir = join(programsDir, program, 'projects');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return { types: [], regions: [] };
  }
  const types: ProjectType[] = [];
  const regions: RegionList[] = [];
  for (const f of files) {
    const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
    const isList = 'prefixes' in raw;
    const parsed = (isList ? regionList : projectType).safeParse(raw);
    if (!parsed.success) throw new Error(`项目类型文件 ${f} 有误 / project type file ${f} is invalid: ${parsed.error.message}`);
    if (isList) regions.push(parsed.data as RegionList);
    else types.push(parsed.data as ProjectType);
  }
  for (const t of types)
    if (t.subject.kind === 'COUNTY' && t.subject.list && !regions.some((r) => r.code === (t.subject as { list?: string }).list))
      throw new Error(`项目类型 ${t.code} 引用的名单 ${t.subject.list} 不存在 / project type ${t.code} names the missing list ${t.subject.list}`);
  return { types, regions };
}

export class ProjectTypes {
  constructor(readonly catalogue: ProjectCatalogue) {}

  get(code: string): ProjectType {
    const t = this.catalogue.types.find((x) => x.code === code);
    if (!t) throw new AppError('E8521', { field: 'type', value: code });
    return t;
  }

  region(code: string): RegionList | undefined {
    return this.catalogue.regions.find((r) => r.code === code);
  }
}
