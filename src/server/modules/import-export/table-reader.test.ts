import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readTable } from './table-reader.js';

const LIMITS = { importRows: 1000, importColumns: 50, cellChars: 1000, echoChars: 40 };

async function rows(text: string): Promise<{ row: number; cells: string[] }[]> {
  const out = [];
  for await (const r of readTable(Readable.from([Buffer.from(text)]), 'csv', LIMITS)) out.push(r);
  return out;
}

/** Where no cell has a line break, a row is its line: csv-parse's own line of each record (`info`), blank records dropped. */
function byLine(text: string): { row: number; cells: string[] }[] {
  const recs = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return recs.filter((r) => r.record.some((c) => c.trim() !== '')).map((r) => ({ row: r.info.lines, cells: r.record }));
}

describe('the CSV reader numbers rows as Excel and WPS show the file', () => {
  const lineCases: [string, string][] = [
    ['plain rows, LF', 'org_code,period\nA,2024\nB,2024\n'],
    ['CRLF and no final line break', 'org_code,period\r\nA,2024\r\nB,2024'],
    ['a byte-order mark', '\uFEFForg_code,period\nA,2024\n'],
    ['empty lines between rows (each one a row)', 'org_code,period\n\nA,2024\n\n\nB,2024\n'],
    ['lines of separators only (rows, but no data)', 'org_code,period\n,\nA,2024\n, ,\nB,2024\n'],
    ['quoted commas and quotes', 'org_code,period,note\nA,2024,"a, ""b"""\nB,2024,x\n'],
  ];
  for (const [name, text] of lineCases)
    it(`${name}: the row is the line`, async () => {
      expect(await rows(text)).toEqual(byLine(text));
    });

  it('a cell with line breaks inside its quotes keeps its record in one row', async () => {
    const got = await rows('org_code,period,note\nA,2024,"one\ntwo"\nB,2024,x\n');
    expect(got.map((r) => [r.cells[0], r.row])).toEqual([['org_code', 1], ['A', 2], ['B', 3]]);
  });

  it('so does a CRLF inside quotes (Windows line breaks in a cell)', async () => {
    const got = await rows('org_code,period,note\r\nA,2024,"one\r\ntwo\r\nthree"\r\n\r\nB,2024,"x\r\ny"\r\n');
    expect(got.map((r) => [r.cells[0], r.row, r.cells[2]])).toEqual([['org_code', 1, 'note'], ['A', 2, 'one\r\ntwo\r\nthree'], ['B', 4, 'x\r\ny']]);
  });
});
