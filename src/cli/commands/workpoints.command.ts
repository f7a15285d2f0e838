/** `gtcm workpoints parse FILE`: a policy text's numbered work points, printed, nothing stored (../shared/docs/modules/supervision.md, CLI contract). */
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { AppError } from '../../domain/errors.js';
import { parseWorkPoints } from '../../domain/supervision/workpoints.js';
import { policyText } from '../../server/modules/supervision/policy-text.js';
import { writeRows, type Format } from '../output.js';

export const WORKPOINT_COLUMNS = ['number', 'level', 'path', 'title', 'text'] as const;

export function workpointsCommand(program: Command): void {
  const wp = program.command('workpoints').description('工作要点 / work points from policy texts');
  wp.command('parse')
    .description(`把政策文本（TXT、DOCX、PDF）解析为编号的工作要点树，只打印不保存 / parse a policy text into its numbered items, print them, store nothing: ${WORKPOINT_COLUMNS.join(',')}`)
    .argument('<file>', '政策文本文件 / the policy text (TXT in UTF-8 or GB18030, DOCX, PDF with a text layer)')
    .addOption(new Option('--format <format>', 'json | csv').choices(['json', 'csv']).default('json'))
    .action(async (file: string, flags: { format: Format }) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new AppError('E1000', {}, { zh: `无法读取文件 ${file}（${code ?? '未知原因'}）`, en: `cannot read the file ${file} (${code ?? 'unknown reason'})` });
      }
      const items = parseWorkPoints(await policyText(bytes));
      if (flags.format === 'json') {
        process.stdout.write(JSON.stringify({ items }, null, 2) + '\n');
        return;
      }
      async function* rows() {
        for (const i of items) yield { ...i };
      }
      await writeRows(rows(), [...WORKPOINT_COLUMNS], 'csv');
    });
}
