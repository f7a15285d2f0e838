/**
 * Demo titles: which county-level units hold 全国基层中医药工作示范县 and since when. Batches were
 * named every year or two from 2012; about 41 % of county-level units held the title in 2023
 * (1,168, document 004), a few lost it at re-review. Drawn from a stable hash of seed and code.
 */
import type { Division } from '../../domain/org-unit.js';
import type { DivisionTitle } from '../../domain/title.js';

/** Share of county-level units named by the end of each batch year (cumulative). */
const BATCHES: [number, number][] = [
  [2012, 0.08], [2014, 0.15], [2016, 0.22], [2017, 0.27], [2018, 0.31], [2020, 0.34], [2021, 0.365], [2022, 0.385], [2023, 0.4], [2024, 0.415],
];

function unit(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h / 0x1_0000_0000;
}

/** `applying`: the counties creating in the demo's cycle (demo-evaluation.ts), not named before it. */
export function demoTitles(divisions: Iterable<Division>, seed: number, applying: ReadonlySet<string> = new Set()): DivisionTitle[] {
  const out: DivisionTitle[] = [];
  for (const d of divisions) {
    if (d.level !== 3 || applying.has(d.code)) continue;
    const u = unit(`${seed}:title:${d.code}`);
    const batch = BATCHES.find(([, share]) => u < share);
    if (!batch) continue;
    // About 1 in 50 lost the title at the 2022 re-review (named before 2020).
    const withdrawn = batch[0] < 2020 && unit(`${seed}:withdrawn:${d.code}`) < 0.02 ? 2022 : null;
    out.push({ divisionCode: d.code, title: 'DEMO_COUNTY', granted: batch[0], withdrawn, source: '国家中医药管理局命名（演示数据）' });
  }
  return out;
}
