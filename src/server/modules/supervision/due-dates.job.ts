/**
 * The re-review due-date job (复审到期提醒): once a year, the titles whose term ends that year
 * (granted three years before, not withdrawn) are announced to each province's administrators
 * and to the nation's, with the list, so the re-review is planned before the term runs out.
 * Once per year (a state key), whichever node runs it.
 */
import { NATION_CODE } from '../../../domain/org-unit.js';
import { NATION_AREA } from '../../../domain/scope.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import type { NotificationService } from '../../platform/notifications/notification.service.js';
import { areaNames } from './supervision-access.js';

/** A title's term: re-reviewed in the third year after naming (evaluation.md). */
export const TERM_YEARS = 3;

export async function notifyReReviewsDue(store: Store, notifications: NotificationService, clock: Clock): Promise<number> {
  const year = clock.now().getUTCFullYear();
  const key = `rereview_due_notified_${year}`;
  if (await store.repos.state.get(key)) return 0;
  const due = (await store.repos.titles.list(NATION_AREA)).filter((t) => t.withdrawn === null && t.granted + TERM_YEARS === year);
  const names = await areaNames(store.repos, due.map((t) => t.divisionCode));
  const byProvince = new Map<string, string[]>();
  for (const t of due) (byProvince.get(t.divisionCode.slice(0, 2)) ?? byProvince.set(t.divisionCode.slice(0, 2), []).get(t.divisionCode.slice(0, 2))!).push(names.get(t.divisionCode) ?? t.divisionCode);
  let n = 0;
  await store.transaction(async (repos) => {
    for (const [province, units] of byProvince)
      n += await notifications.notifyArea(repos, province, { kind: 're_review_due', title: `${year} 年到期复审：${units.length} 个单位`, body: `称号到期、需于今年复审：${units.join('、')}`, link: '/evaluation?tab=warning' });
    if (due.length) n += await notifications.notifyArea(repos, NATION_CODE, { kind: 're_review_due', title: `${year} 年到期复审：${due.length} 个单位（${byProvince.size} 个省份）`, body: '请部署复审工作；复审预警列出自动得分已低于合格线的单位', link: '/evaluation?tab=warning' });
    await repos.state.set(key, String(due.length));
  });
  return n;
}
