#!/usr/bin/env -S node --max-semi-space-size=64
// gtcm CLI entry: runs the compiled CLI (built by `npm install` via the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const compiled = join(root, 'dist', 'cli', 'gtcm.js');
if (!existsSync(compiled)) {
  console.error('未找到编译后的程序，请先运行 npm install 或 npm run build。 / Build output missing: run `npm install` or `npm run build` first.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(compiled).href);
process.exitCode = await main(process.argv.slice(2));
