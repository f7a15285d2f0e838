/**
 * Section 1 of the annual report: a summary written from the data — targets met of those set,
 * the biggest gaps, the 2025 projection of the key indicators, the child areas that miss most
 * targets, and reporting completeness.
 */
import type { Indicator } from '../../../domain/indicator.js';
import { formatLarge } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { FIVE_COVERAGE } from './analysis-config.js';
import { formatPercent } from './indicator-status.js';
import { targetText, type ReportData } from './report-data.js';

const points = (gap: number) => (Math.round(gap * 1000) / 10).toFixed(1);

export function ReportSummary({ data, byCode }: { data: ReportData; byCode: Map<string, Indicator> }) {
  const { t, pick, lang } = useI18n();
  const sep = lang === 'zh' ? '、' : ', ';
  const paren = (a: string, b: string) => (lang === 'zh' ? `${a}（${b}）` : `${a} (${b})`);
  const name = (code: string) => pick(byCode.get(code)?.name, code);
  const withTarget = data.own.filter((r) => r.target !== null);
  const met = withTarget.filter((r) => r.met === true);
  const notMet = withTarget.filter((r) => r.met === false);
  const noData = withTarget.filter((r) => r.met === null);
  const five = withTarget.filter((r) => FIVE_COVERAGE.includes(r.indicator));
  const paragraphs: string[] = [];

  paragraphs.push(
    t('rep.sum.targets', {
      year: data.period,
      area: data.title,
      total: data.own.length,
      withTarget: withTarget.length,
      met: met.length,
      notMet: notMet.length,
    }) +
      (noData.length ? t('rep.sum.noData', { n: noData.length }) : '') +
      t('rep.sum.five', { n: five.length, met: five.filter((r) => r.met === true).length }) +
      (data.own.length > withTarget.length ? t('rep.sum.monitor', { n: data.own.length - withTarget.length }) : '') +
      (lang === 'zh' ? '。' : '.'),
  );

  const gaps = [...notMet].sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0)).slice(0, 3);
  paragraphs.push(
    gaps.length
      ? t('rep.sum.gaps', {
          list: gaps
            .map((r) => t('rep.sum.gapItem', { name: name(r.indicator), value: formatPercent(r.value), target: targetText(byCode.get(r.indicator)) ?? '–', points: points(r.gap ?? 0) }))
            .join(lang === 'zh' ? '；' : '; '),
        })
      : withTarget.length
        ? t('rep.sum.allMet')
        : t('rep.sum.noTargets'),
  );

  const miss = data.trend.filter((s) => s.projection?.willMiss === true);
  const meet = data.trend.filter((s) => s.projection?.willMiss === false);
  if (miss.length || meet.length) {
    paragraphs.push(
      [
        miss.length ? t('rep.sum.projMiss', { list: miss.map((s) => paren(name(s.indicator), formatPercent(s.projection!.value))).join(sep) }) : '',
        meet.length ? t('rep.sum.projMeet', { list: meet.map((s) => name(s.indicator)).join(sep) }) : '',
      ].join(''),
    );
  }

  if (data.children?.length) {
    const counts = new Map<string, { name: string; n: number }>();
    for (const r of data.children) {
      if (r.met !== false) continue;
      const c = counts.get(r.areaCode) ?? { name: r.areaName, n: 0 };
      c.n += 1;
      counts.set(r.areaCode, c);
    }
    const worst = [...counts.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, 'zh-CN')).slice(0, 3);
    const areas = new Set(data.children.map((r) => r.areaCode)).size;
    paragraphs.push(
      worst.length
        ? t('rep.sum.children', { n: areas, level: t(`an.level.${data.childLevel!}`), list: worst.map((w) => t('rep.sum.childItem', { name: w.name, n: w.n })).join(sep) })
        : t('rep.sum.childrenAllMet', { n: areas, level: t(`an.level.${data.childLevel!}`) }),
    );
  }

  const c = data.completeness;
  paragraphs.push(
    t('rep.sum.completeness', {
      expected: formatLarge(c.expected, lang),
      received: formatLarge(c.received, lang),
      rate: c.expected ? formatPercent(c.received / c.expected) : '–',
      approved: formatLarge(c.approved, lang),
    }),
  );

  return (
    <div data-testid="report-summary">
      {paragraphs.map((p, i) => (
        <p key={i} className="ar-para">
          {p}
        </p>
      ))}
    </div>
  );
}
