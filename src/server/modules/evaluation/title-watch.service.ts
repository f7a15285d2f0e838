/**
 * Between cycles (../shared/docs/modules/evaluation.md): the named units whose automatic total for
 * a later year falls below the pass line — or whose data fire a veto — listed as at risk before
 * their re-review (复审预警); and the re-review's outcome, which withdraws the title with the year
 * when the unit fails (the 14th indicator stops counting it from that year).
 */
import { AppError } from '../../../domain/errors.js';
import { roundHalfUp } from '../../../domain/evaluation/scoring.js';
import { allItems } from '../../../domain/evaluation/standard.js';
import type { DivisionTitle } from '../../../domain/title.js';
import { areaOf, NATION_AREA, type Area } from '../../../domain/scope.js';
import { requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Store } from '../../platform/db/store.js';
import type { AutoscoreService } from './autoscore.service.js';
import type { StandardService } from './standard.service.js';

/** Years a title runs before its re-review is due. */
export const TITLE_TERM_YEARS = 3;

export interface AtRisk {
  subjectCode: string;
  subjectName: string;
  granted: number;
  /** The year the re-review is due (the term's end). */
  reviewDue: number;
  /** The year the title was withdrawn after this year's figures (a re-review failed), or null. */
  withdrawn: number | null;
  /** The automatic items' points over their applicable maxima, scaled. */
  automaticTotal: number;
  passLine: number;
  vetoes: string[];
}

const holds = (t: DivisionTitle, year: number) => t.granted <= year && (t.withdrawn === null || t.withdrawn > year);

export class TitleWatchService {
  constructor(
    private readonly store: Store,
    private readonly standards: StandardService,
    private readonly autoscore: AutoscoreService,
    private readonly audit: AuditService,
  ) {}

  /** The holders of the standard's title in the year, under the area, whose automatic total is below the pass line or whose data fire a veto; lowest first. */
  async earlyWarning(actor: Actor, standardCode: string, period: string, areaCode?: string): Promise<{ standard: string; period: string; holders: number; items: AtRisk[] }> {
    const std = this.standards.get(standardCode);
    if (!std.title) throw new AppError('E7017', { field: 'standard', value: standardCode });
    const answer = await this.autoscore.autoscore(actor, std.code, period, areaCode);
    const area: Area = answer.area === 'CN' ? NATION_AREA : areaOf(answer.area)!;
    const year = Number(period.slice(0, 4));
    const titles = new Map((await this.store.repos.titles.list(area, std.title)).filter((t) => holds(t, year)).map((t) => [t.divisionCode, t]));
    const kinds = new Map(allItems(std).map((i) => [i.code, i.kind]));
    const bySubject = new Map<string, { name: string; points: number; max: number; vetoes: string[] }>();
    for (const r of answer.rows) {
      if (!titles.has(r.subjectCode)) continue;
      const s = bySubject.get(r.subjectCode) ?? { name: r.subjectName, points: 0, max: 0, vetoes: [] };
      if (r.veto) s.vetoes.push(r.item);
      if (r.applicable && kinds.get(r.item) === 'BASIC') {
        s.points += r.points ?? 0;
        s.max += r.maxPoints ?? 0;
      }
      bySubject.set(r.subjectCode, s);
    }
    const items: AtRisk[] = [];
    for (const [code, s] of bySubject) {
      const total = s.max > 0 ? roundHalfUp((s.points / s.max) * std.scale) : 0;
      if (total >= std.passLine && s.vetoes.length === 0) continue;
      const t = titles.get(code)!;
      items.push({ subjectCode: code, subjectName: s.name, granted: t.granted, reviewDue: t.granted + TITLE_TERM_YEARS, withdrawn: t.withdrawn, automaticTotal: total, passLine: std.passLine, vetoes: s.vetoes });
    }
    items.sort((a, b) => a.automaticTotal - b.automaticTotal || a.subjectCode.localeCompare(b.subjectCode));
    return { standard: std.code, period, holders: titles.size, items };
  }

  /** The re-review's outcome, by the nation: a failed unit's title is withdrawn with the year. */
  async reReview(actor: Actor, standardCode: string, subjectCode: string, year: number, passed: boolean, note: string): Promise<DivisionTitle> {
    requireRole(actor, ['SYSTEM_ADMIN', 'AREA_ADMIN']);
    if (actor.scope.kind !== 'nation') throw new AppError('E2102', { field: 'subject', value: subjectCode });
    const std = this.standards.get(standardCode);
    if (!note?.trim()) throw new AppError('E7012', { field: 'note' });
    const held = (await this.store.repos.titles.list({ level: 3, code: subjectCode }, std.title)).find((t) => t.divisionCode === subjectCode && holds(t, year));
    if (!std.title || !held) throw new AppError('E7017', { field: 'subject', value: subjectCode });
    const after: DivisionTitle = passed ? held : { ...held, withdrawn: year, source: held.source };
    await this.store.transaction(async (repos) => {
      if (!passed) await repos.titles.upsertMany([after]);
      await this.audit.record(repos, actor, { action: passed ? 're_review' : 'withdraw', entity: 'division_title', entityKey: `${subjectCode}/${std.title}`, areaCode: subjectCode, before: held, after: { ...after, note: note.trim(), year } });
    });
    return after;
  }
}
