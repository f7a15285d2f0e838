import { Command, Option } from 'commander';
import { SYSTEM_ACTOR } from '../../server/platform/access/actor.js';
import { LEVELS, type LevelName } from '../../server/modules/indicators/analytics.service.js';
import { writeRows, type Format } from '../output.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';

export const INDICATOR_COLUMNS = ['area_code', 'area_name', 'indicator', 'numerator', 'denominator', 'value', 'target', 'met', 'expected_reports', 'reported_reports'];

async function* rowsOf<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** `gtcm export indicators`: one row per area × indicator, value as a fraction 0–1. */
export function exportIndicatorsCommand(exp: Command): void {
  withGlobal(exp.command('indicators'))
    .description('导出指标 / export indicators: area_code,area_name,indicator,numerator,denominator,value,target,met,expected_reports,reported_reports')
    .requiredOption('--period <yyyy>', '年度 / year')
    .addOption(new Option('--level <level>', '汇总层级 / breakdown level').choices(Object.keys(LEVELS).filter((l) => l !== 'nation')).makeOptionMandatory())
    .option('--area <code>', '区域（默认全国）/ area (default: the whole country)')
    .option('--indicators <codes>', '指标代码，逗号分隔（默认全部）/ indicator codes, comma-separated (default: all)')
    .addOption(new Option('--format <format>', 'csv | json').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', '输出文件 / output file')
    .action(async (flags: GlobalOptions & { period: string; level: LevelName; area?: string; indicators?: string; format: Format; out?: string }) => {
      await withContext(flags, async (ctx) => {
        await ctx.services.init.requireInitialised();
        const rows = await ctx.services.analytics.values(SYSTEM_ACTOR, {
          periods: [flags.period],
          level: flags.level,
          area: flags.area,
          indicators: flags.indicators?.split(',').map((s) => s.trim()).filter(Boolean),
        });
        await writeRows(
          rowsOf(
            rows.map((r) => ({
              area_code: r.areaCode,
              area_name: r.areaName,
              indicator: r.indicator,
              numerator: r.numerator,
              denominator: r.denominator,
              value: r.value === null ? '' : r.value,
              target: r.target ?? '',
              met: r.met === null ? '' : r.met,
              expected_reports: r.expectedReports,
              reported_reports: r.reportedReports,
            })),
          ),
          INDICATOR_COLUMNS,
          flags.format,
          flags.out,
        );
      });
    });
}
