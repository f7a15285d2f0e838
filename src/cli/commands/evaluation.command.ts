/** `gtcm evaluation …`: evaluation against the standards (../shared/docs/modules/evaluation.md, CLI contract). */
import { Command, Option } from 'commander';
import { SYSTEM_ACTOR } from '../../server/platform/access/actor.js';
import { writeRows, type Format } from '../output.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';

export const AUTOSCORE_COLUMNS = ['subject_code', 'subject_name', 'item', 'indicator', 'numerator', 'denominator', 'value', 'points', 'max_points', 'applicable', 'veto'];

export function evaluationCommand(program: Command): void {
  const ev = program.command('evaluation').description('评审评估 / evaluation');
  withGlobal(ev.command('autoscore'))
    .description(`按标准自动评分（不创建任何记录）/ score a standard's automatic items for every subject under the area: ${AUTOSCORE_COLUMNS.join(',')}`)
    .requiredOption('--standard <code>', '评价标准 / standard, e.g. DEMO_COUNTY')
    .requiredOption('--period <yyyy>', '评价年度 / assessment year')
    .requiredOption('--area <code>', '区域（CN 为全国）/ area (CN: the whole country)')
    .addOption(new Option('--format <format>', 'csv | json').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', '输出文件 / output file')
    .action(async (flags: GlobalOptions & { standard: string; period: string; area: string; format: Format; out?: string }) => {
      await withContext(flags, async (ctx) => {
        await ctx.services.init.requireInitialised();
        const answer = await ctx.services.autoscore.autoscore(SYSTEM_ACTOR, flags.standard, flags.period, flags.area);
        async function* rows() {
          for (const r of answer.rows)
            yield {
              subject_code: r.subjectCode,
              subject_name: r.subjectName,
              item: r.item,
              indicator: r.indicator,
              numerator: r.numerator,
              denominator: r.denominator,
              value: r.value,
              points: r.points,
              max_points: r.maxPoints,
              applicable: r.applicable,
              veto: r.veto,
            };
        }
        await writeRows(rows(), AUTOSCORE_COLUMNS, flags.format, flags.out);
      });
    });
}
