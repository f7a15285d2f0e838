/**
 * Section 2 of the annual report: every indicator with the area's value (and its numerator /
 * denominator), the target, the deadline, whether it is met, and the source document.
 */
import type { Indicator } from '../../../domain/indicator.js';
import { formatLarge } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import type { IndicatorRow } from './analytics-api.js';
import { formatPercent, STATUS_COLORS, statusBand } from './indicator-status.js';
import { deadlineText, sourceText, targetText } from './report-data.js';

export function ReportTargets({ rows, byCode, period }: { rows: IndicatorRow[]; byCode: Map<string, Indicator>; period: string }) {
  const { t, pick, lang } = useI18n();
  return (
    <table className="ar-table" data-testid="report-target-table">
      <colgroup>
        <col style={{ width: '6%' }} />
        <col style={{ width: '30%' }} />
        <col style={{ width: '13%' }} />
        <col style={{ width: '9%' }} />
        <col style={{ width: '10%' }} />
        <col style={{ width: '11%' }} />
        <col style={{ width: '21%' }} />
      </colgroup>
      <thead>
        <tr>
          <th>{t('rep.col.no')}</th>
          <th>{t('rep.col.indicator')}</th>
          <th className="num">{t('rep.col.value', { year: period })}</th>
          <th className="num">{t('rep.col.target')}</th>
          <th>{t('rep.col.deadline')}</th>
          <th>{t('rep.col.met')}</th>
          <th>{t('rep.col.source')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const ind = byCode.get(r.indicator);
          const target = ind?.targets[0];
          const band = statusBand(r.value, r.target, r.met);
          const status =
            r.target === null ? t('rep.status.monitor') : r.met === null ? t('rep.status.none') : r.met ? t('rep.status.met') : t('rep.status.notMet');
          return (
            <tr key={r.indicator} data-indicator={r.indicator}>
              <td className="center">{i + 1}</td>
              <td>{pick(ind?.name, r.indicator)}</td>
              <td className="num">
                <strong data-testid="report-target-value">{formatPercent(r.value)}</strong>
                <div className="ar-sub">
                  {formatLarge(r.numerator, lang)} / {formatLarge(r.denominator, lang)}
                </div>
              </td>
              <td className="num">{targetText(ind) ?? '–'}</td>
              <td>{target ? deadlineText(target.deadline, lang) : '–'}</td>
              <td className="ar-status" style={{ color: r.target === null ? undefined : STATUS_COLORS[band], fontWeight: 600 }}>
                {r.met === true ? '✔ ' : r.met === false ? '✘ ' : ''}
                {status}
              </td>
              <td className="ar-source">{target ? sourceText(target.source, lang) : pick(ind?.monitor, '–')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
