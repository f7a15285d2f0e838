/**
 * A task's light (督办灯), computed live from its dates, milestones and progress reports — never
 * stored, so it changes with the clock (supervision.md, "Lights"):
 *  - red: past its due date and not done;
 *  - yellow: behind the planned progress of its milestones (序时进度), or a progress report overdue;
 *  - blue: due within 7 days;
 *  - green: on track; done: completed or closed (销号).
 */

export type Light = 'red' | 'yellow' | 'blue' | 'green' | 'done';
export const LIGHTS: readonly Light[] = ['red', 'yellow', 'blue', 'green', 'done'];
export const LIGHT_NAMES: Record<Light, { zh: string; en: string }> = {
  red: { zh: '红灯（逾期未完成）', en: 'red (overdue)' },
  yellow: { zh: '黄灯（滞后或未按时报送进展）', en: 'yellow (behind, or a report overdue)' },
  blue: { zh: '蓝灯（7 日内到期）', en: 'blue (due within 7 days)' },
  green: { zh: '绿灯（正常推进）', en: 'green (on track)' },
  done: { zh: '已完成', en: 'done' },
};

export type TaskState = 'not_started' | 'in_progress' | 'done' | 'closed';
export const TASK_STATE_NAMES: Record<TaskState, { zh: string; en: string }> = {
  not_started: { zh: '未启动', en: 'not started' },
  in_progress: { zh: '进行中', en: 'in progress' },
  done: { zh: '已完成', en: 'done' },
  closed: { zh: '已销号', en: 'closed' },
};

export type Cadence = 'monthly' | 'quarterly';

export interface LightInput {
  state: TaskState;
  /** YYYY-MM-DD. */
  startDate: string;
  dueDate: string;
  milestones: { plannedDate: string; weight: number }[];
  /** The latest reported % complete (0 when none). */
  percent: number;
  cadence: Cadence | null;
  /** The periods reported (2024-03, 2024Q1). */
  reportedPeriods: readonly string[];
}

export interface LightAnswer {
  light: Light;
  /** Planned progress at `today` from the milestones, 0–100 (null without milestones). */
  planned: number | null;
  /** The report periods whose deadline has passed with no report. */
  overdueReports: string[];
  daysLeft: number;
  /** Why: the reasons in Chinese and English. */
  reasons: { zh: string; en: string }[];
}

const DAY = 86_400_000;
const dayNumber = (d: string) => Math.floor(Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / DAY);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Days from `from` to `to` (YYYY-MM-DD): positive when `to` is later. */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** A report for a period is due on this day of the month after the period ends. */
export const REPORT_DAY = 5;

/** The report periods from the start to today (or the due date, if earlier) whose deadline has passed, with that deadline. */
export function reportPeriods(cadence: Cadence, startDate: string, endDate: string): { period: string; deadline: string }[] {
  const out: { period: string; deadline: string }[] = [];
  let y = Number(startDate.slice(0, 4));
  let m = Number(startDate.slice(5, 7));
  const endY = Number(endDate.slice(0, 4));
  const endM = Number(endDate.slice(5, 7));
  if (cadence === 'quarterly') m = Math.floor((m - 1) / 3) * 3 + 1;
  for (let guard = 0; guard < 240 && (y < endY || (y === endY && m <= endM)); guard++) {
    const span = cadence === 'monthly' ? 1 : 3;
    const nextM = m + span > 12 ? m + span - 12 : m + span;
    const nextY = m + span > 12 ? y + 1 : y;
    const period = cadence === 'monthly' ? `${y}-${String(m).padStart(2, '0')}` : `${y}Q${(m - 1) / 3 + 1}`;
    out.push({ period, deadline: `${nextY}-${String(nextM).padStart(2, '0')}-${String(REPORT_DAY).padStart(2, '0')}` });
    y = nextY;
    m = nextM;
  }
  return out;
}

/** The period a report given on `day` is for: the month (or quarter) before, up to the 5th; the current one after. */
export function periodFor(cadence: Cadence, day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  let py = y;
  let pm = m;
  if (d <= REPORT_DAY) {
    pm = m - (cadence === 'monthly' ? 1 : 3);
    if (pm < 1) (pm += 12), (py -= 1);
  }
  return cadence === 'monthly' ? `${py}-${String(pm).padStart(2, '0')}` : `${py}Q${Math.floor((pm - 1) / 3) + 1}`;
}

export function plannedProgress(milestones: LightInput['milestones'], today: string): number | null {
  const total = milestones.reduce((s, m) => s + m.weight, 0);
  if (!milestones.length || total <= 0) return null;
  const due = milestones.filter((m) => daysBetween(m.plannedDate, today) >= 0).reduce((s, m) => s + m.weight, 0);
  return Math.round((due / total) * 1000) / 10;
}

export function lightOf(t: LightInput, today: string): LightAnswer {
  const daysLeft = daysBetween(today, t.dueDate);
  const planned = plannedProgress(t.milestones, today);
  const finished = t.state === 'done' || t.state === 'closed';
  const end = daysBetween(t.dueDate, today) > 0 ? t.dueDate : today;
  const overdueReports =
    finished || !t.cadence ? [] : reportPeriods(t.cadence, t.startDate, end).filter((p) => daysBetween(p.deadline, today) > 0 && !t.reportedPeriods.includes(p.period)).map((p) => p.period);
  const reasons: LightAnswer['reasons'] = [];
  if (finished) return { light: 'done', planned, overdueReports, daysLeft, reasons };
  if (daysLeft < 0) {
    reasons.push({ zh: `已逾期 ${-daysLeft} 天`, en: `${-daysLeft} days past due` });
    return { light: 'red', planned, overdueReports, daysLeft, reasons };
  }
  if (planned !== null && t.percent < planned) reasons.push({ zh: `进度 ${t.percent}% 落后于序时进度 ${planned}%`, en: `progress ${t.percent}% behind the planned ${planned}%` });
  if (overdueReports.length) reasons.push({ zh: `未按时报送进展：${overdueReports.join('、')}`, en: `progress reports overdue: ${overdueReports.join(', ')}` });
  if (reasons.length) return { light: 'yellow', planned, overdueReports, daysLeft, reasons };
  if (daysLeft <= 7) {
    reasons.push({ zh: `${daysLeft} 天后到期`, en: `due in ${daysLeft} days` });
    return { light: 'blue', planned, overdueReports, daysLeft, reasons };
  }
  return { light: 'green', planned, overdueReports, daysLeft, reasons };
}

/** A report is late when it arrives after its period's deadline. */
export function reportLate(cadence: Cadence, period: string, reportedDay: string): boolean {
  const y = Number(period.slice(0, 4));
  const start = cadence === 'monthly' ? `${period}-01` : `${y}-${String((Number(period.slice(5)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const p = reportPeriods(cadence, start, start)[0]!;
  return daysBetween(p.deadline, reportedDay) > 0;
}
