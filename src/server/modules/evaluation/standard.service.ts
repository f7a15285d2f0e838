/**
 * The evaluation standards: every `programs/<program>/standards/*.json`, validated against the
 * schema and against the metadata (each indicator, element and facility type named must exist),
 * loaded once. A standard is data: adding one is adding a file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../domain/errors.js';
import { allItems, standard, type Standard } from '../../../domain/evaluation/standard.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';

/** Reads and checks the standards under the programmes directory; a broken file stops the start with its name and problem. */
export function loadStandards(programsDir: string, metadata: MetadataService): Standard[] {
  const out: Standard[] = [];
  for (const program of readdirSync(programsDir).sort()) {
    const dir = join(programsDir, program, 'standards');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(dir, name);
      const parsed = standard.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`standard ${file}: ${parsed.error.message}`);
      const problems = checkAgainst(parsed.data, metadata);
      if (problems.length) throw new Error(`standard ${file}: ${problems.join('; ')}`);
      if (out.some((s) => s.code === parsed.data.code)) throw new Error(`standard ${file}: code ${parsed.data.code} defined twice`);
      out.push(parsed.data);
    }
  }
  return out;
}

/** What a standard names that the metadata does not hold. */
export function checkAgainst(s: Standard, metadata: MetadataService): string[] {
  const problems: string[] = [];
  if (!metadata.dataSets.has(s.dataSet)) problems.push(`unknown data set ${s.dataSet}`);
  for (const it of allItems(s)) {
    if (!('source' in it.mode)) continue;
    const src = it.mode.source;
    if ('indicator' in src && !metadata.indicators.has(src.indicator)) problems.push(`${it.code}: unknown indicator ${src.indicator}`);
    for (const el of 'element' in src ? [src.element] : 'ratio' in src ? src.ratio : [])
      if (!metadata.elements.has(el)) problems.push(`${it.code}: unknown element ${el}`);
  }
  return problems;
}

export class StandardService {
  private readonly byCode: Map<string, Standard>;

  constructor(standards: Standard[]) {
    this.byCode = new Map(standards.map((s) => [s.code, s]));
  }

  list(): Standard[] {
    return [...this.byCode.values()];
  }

  get(code: string): Standard {
    const s = this.byCode.get(code);
    if (!s) throw new AppError('E7001', { field: 'standard', value: code });
    return s;
  }
}
