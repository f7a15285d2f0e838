/** `gtcm funds allocate`: an allocation by factors tied to performance, previewed, nothing stored (../shared/docs/modules/projects-funds-assistance.md, CLI contract). */
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { AppError } from '../../domain/errors.js';
import { allocate } from '../../domain/funds/allocation.js';
import { parseWeights, readBands, readFactorTable } from '../../server/modules/projects-funds/factor-file.js';
import { writeRows, type Format } from '../output.js';

export const ALLOCATION_COLUMNS = ['area_code', 'share', 'amount'] as const;

async function read(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('E1000', {}, { zh: `无法读取文件 ${file}（${code ?? '未知原因'}）`, en: `cannot read the file ${file} (${code ?? 'unknown reason'})` });
  }
}

export function fundsCommand(program: Command): void {
  const funds = program.command('funds').description('项目资金 / project funds');
  funds
    .command('allocate')
    .description(`因素法分配预览（与绩效挂钩），只打印不保存 / preview an allocation by factors tied to performance, store nothing: ${ALLOCATION_COLUMNS.join(',')}`)
    .requiredOption('--total <amount>', '资金总额（元，最多两位小数）/ the total in yuan, at most 2 decimals')
    .requiredOption('--factors <file>', '因素表 CSV：area_code,因素1,因素2… / factor table CSV: area_code, then one column per factor')
    .requiredOption('--weights <list>', '权重 名称=权重,… 合计为 1 / weights NAME=W,… adding up to 1')
    .option('--performance <file>', '绩效等级 CSV：area_code,band（优/良/中/差）/ performance bands CSV: area_code,band')
    .addOption(new Option('--format <format>', 'csv | json').choices(['csv', 'json']).default('csv'))
    .action(async (flags: { total: string; factors: string; weights: string; performance?: string; format: Format }) => {
      const table = readFactorTable(await read(flags.factors));
      const bands = flags.performance ? readBands(await read(flags.performance)) : {};
      const codes = new Set(table.areas.map((a) => a.code));
      const strays = Object.keys(bands).filter((c) => !codes.has(c));
      if (strays.length) process.stderr.write(`注意：绩效等级表中 ${strays.length} 个区域不在因素表中，已忽略 / note: ${strays.length} areas of the performance file are not in the factor table and were ignored (${strays.slice(0, 5).join(', ')}${strays.length > 5 ? ', …' : ''})\n`);
      const result = allocate({ total: flags.total, columns: table.columns, areas: table.areas, weights: parseWeights(flags.weights), bands });
      if (flags.format === 'json') {
        const items = result.map((r) => ({ area_code: r.areaCode, share: r.share, amount: Number(r.amount) }));
        process.stdout.write(JSON.stringify({ total: Number(flags.total.replace(/,/g, '')), items }, null, 2) + '\n');
        return;
      }
      async function* out() {
        for (const r of result) yield { area_code: r.areaCode, share: r.shareText, amount: r.amount };
      }
      await writeRows(out(), [...ALLOCATION_COLUMNS], 'csv');
    });
}
