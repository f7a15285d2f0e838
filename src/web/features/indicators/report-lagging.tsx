/**
 * Section 5 of the annual report: for each indicator the area misses, the (at most) five child
 * areas furthest below the target, lowest first.
 */
import type { Indicator } from '../../../domain/indicator.js';
import { useI18n } from '../../shared/i18n.js';
import type { IndicatorRow } from './analytics-api.js';
import { formatPercent } from './indicator-status.js';
import { laggingAreas, targetText } from './report-data.js';

export function ReportLagging({ own, childRows, byCode }: { own: IndicatorRow[]; childRows: IndicatorRow[]; byCode: Map<string, Indicator> }) {
  const { t, pick } = useI18n();
  const missed = own.filter((r) => r.met === false);
  if (!missed.length) return <p className="ar-note">{t('rep.lagNone')}</p>;
  return (
    <table className="ar-table" data-testid="report-lagging">
      <colgroup>
        <col style={{ width: '30%' }} />
        <col style={{ width: '12%' }} />
        <col style={{ width: '58%' }} />
      </colgroup>
      <thead>
        <tr>
          <th>{t('rep.col.indicator')}</th>
          <th className="num">{t('rep.lagOwn')}</th>
          <th>{t('rep.lagWorst')}</th>
        </tr>
      </thead>
      <tbody>
        {missed.map((r) => {
          const worst = laggingAreas(childRows, r.indicator);
          return (
            <tr key={r.indicator} data-indicator={r.indicator}>
              <td>
                {pick(byCode.get(r.indicator)?.name, r.indicator)}
                <div className="ar-sub">
                  {t('rep.target')} {targetText(byCode.get(r.indicator)) ?? '–'}
                </div>
              </td>
              <td className="num">{formatPercent(r.value)}</td>
              <td>
                {worst.length ? (
                  <ol className="ar-worst">
                    {worst.map((w) => (
                      <li key={w.areaCode}>
                        {w.areaName} <strong>{formatPercent(w.value)}</strong>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <span className="ar-sub">{t('rep.lagNoChild')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
