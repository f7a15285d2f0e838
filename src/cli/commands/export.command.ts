import { Command, Option } from 'commander';
import { AppError } from '../../domain/errors.js';
import { KIND_NAMES, type DivisionLevel } from '../../domain/org-unit.js';
import { FACILITY_TYPES, type FacilityType } from '../../domain/facility.js';
import { allElements, type DataValue } from '../../domain/program.js';
import { SYSTEM_ACTOR } from '../../server/platform/access/actor.js';
import { writeRows, type Format } from '../output.js';
import { exportIndicatorsCommand } from './export-indicators.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';

interface ExportFlags extends GlobalOptions {
  format: Format;
  out?: string;
}

const formatOption = () => new Option('--format <format>', 'csv | json').choices(['csv', 'json']).default('csv');

async function* map<T, U>(it: AsyncIterable<T>, fn: (t: T) => U): AsyncGenerator<U> {
  for await (const x of it) yield fn(x);
}

/** A value as the import format writes it: booleans 1/0, option lists joined with `;`. */
function cell(v: DataValue | undefined): string | number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return v.join(';');
  return v;
}

export function exportCommand(program: Command): void {
  const exp = program.command('export').description('导出数据 / export data');
  exportIndicatorsCommand(exp);

  withGlobal(exp.command('divisions'))
    .description('导出行政区划 / export divisions: code,name,level,parent_code,kind')
    .option('--level <n>', '只导出该级 1–5 / only this level')
    .addOption(formatOption())
    .option('--out <file>', '输出文件（默认标准输出）/ output file (default stdout)')
    .action(async (flags: ExportFlags & { level?: string }) => {
      const level = flags.level === undefined ? undefined : Number(flags.level);
      if (level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 5)) throw new AppError('E3001', { field: '--level', value: flags.level });
      await withContext(flags, async (ctx) => {
        await ctx.services.init.requireInitialised();
        const rows = map(ctx.services.divisions.exportRows(SYSTEM_ACTOR, level as DivisionLevel | undefined), (d) => ({
          code: d.code,
          name: d.name,
          level: d.level,
          parent_code: d.parentCode ?? '',
          kind: KIND_NAMES[d.kind].zh,
        }));
        await writeRows(rows, ['code', 'name', 'level', 'parent_code', 'kind'], flags.format, flags.out);
      });
    });

  withGlobal(exp.command('facilities'))
    .description('导出机构 / export facilities: code,name,type,division_code,ownership,opened,closed')
    .option('--area <code>', '行政区划代码 / division code')
    .option('--type <type>', FACILITY_TYPES.join(' | '))
    .addOption(formatOption())
    .option('--out <file>', '输出文件 / output file')
    .action(async (flags: ExportFlags & { area?: string; type?: string }) => {
      if (flags.type && !FACILITY_TYPES.includes(flags.type as FacilityType)) throw new AppError('E3001', { field: '--type', value: flags.type });
      await withContext(flags, async (ctx) => {
        await ctx.services.init.requireInitialised();
        const rows = map(ctx.services.facilities.exportRows(SYSTEM_ACTOR, { area: flags.area, type: flags.type as FacilityType | undefined }), (f) => ({
          code: f.code,
          name: f.name,
          type: f.type,
          division_code: f.divisionCode,
          ownership: f.ownership,
          opened: f.opened,
          closed: f.closed ?? '',
        }));
        await writeRows(rows, ['code', 'name', 'type', 'division_code', 'ownership', 'opened', 'closed'], flags.format, flags.out);
      });
    });

  withGlobal(exp.command('reports'))
    .description('导出年报（导入格式）/ export reports in the import format: org_code,period,<elements>')
    .requiredOption('--period <yyyy>', '期间 / period, e.g. 2024')
    .option('--data-set <code>', '数据集（默认为项目的第一个数据集）/ data set (default: the programme\'s first)')
    .option('--area <code>', '行政区划代码 / division code')
    .addOption(formatOption())
    .option('--out <file>', '输出文件 / output file')
    .action(async (flags: ExportFlags & { period: string; dataSet?: string; area?: string }) => {
      await withContext(flags, async (ctx) => {
        await ctx.services.init.requireInitialised();
        const ds = ctx.metadata.dataSet(flags.dataSet);
        const elements = allElements(ds);
        const rows = map(ctx.services.reports.exportRows(SYSTEM_ACTOR, ds.code, flags.period, flags.area), (r) => ({
          org_code: r.facilityCode,
          period: r.period,
          ...Object.fromEntries(elements.map((e) => [e, cell(r.values[e])])),
        }));
        await writeRows(rows, ['org_code', 'period', ...elements], flags.format, flags.out);
      });
    });
}
