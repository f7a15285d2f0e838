/** The `gtcm` command line: the same services as the HTTP API. */
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { exportCommand } from './commands/export.command.js';
import { CommandExit, importCommand } from './commands/import.command.js';
import { initCommand } from './commands/init.command.js';
import { serveCommand } from './commands/serve.command.js';
import { userCommand } from './commands/user.command.js';
import { backupCommand } from './commands/backup.command.js';
import { evaluationCommand } from './commands/evaluation.command.js';
import { workpointsCommand } from './commands/workpoints.command.js';
import { fundsCommand } from './commands/funds.command.js';
import { reportError } from './output.js';

export function buildProgram(): Command {
  const program = new Command('gtcm')
    .description('基层中医药服务能力监测评价平台 / Grassroots TCM Monitor')
    .exitOverride()
    .showHelpAfterError();
  initCommand(program);
  serveCommand(program);
  exportCommand(program);
  userCommand(program);
  importCommand(program);
  backupCommand(program);
  evaluationCommand(program);
  workpointsCommand(program);
  fundsCommand(program);
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 error, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CommandExit) return e.exitCode;
    return reportError(e);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
