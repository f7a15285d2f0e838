/**
 * Reading a password for the CLI without ever taking it from the command line (where `ps` and
 * the shell history show it): from standard input (`--password-stdin`, first line), the
 * environment (GTCM_PASSWORD), or a prompt that does not echo, asked twice.
 */
import { createInterface } from 'node:readline';
import { AppError } from '../../domain/errors.js';

export interface PasswordFlags {
  password?: string;
  passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    out._writeToOutput = (s: string) => {
      // Show the question, then nothing of what is typed.
      if (!asked) process.stderr.write(s);
      asked = true;
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export async function readPassword(flags: PasswordFlags, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (flags.password !== undefined) throw new AppError('E3004', { field: '--password' });
  if (flags.passwordStdin) return readStdin();
  if (env.GTCM_PASSWORD) return env.GTCM_PASSWORD;
  if (!process.stdin.isTTY) throw new AppError('E3004', { field: '--password-stdin' });
  const first = await prompt('密码 password: ');
  const again = await prompt('再次输入 again: ');
  if (first !== again) throw new AppError('E3001', { field: 'password' }, { zh: '两次输入的密码不一致', en: 'the two passwords differ' });
  return first;
}
