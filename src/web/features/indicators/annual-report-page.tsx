/**
 * /report?area=&period= (年度监测报告): the annual monitoring report of one area, laid out on A4
 * for printing (or saving as PDF through the browser's print dialog): summary, target table,
 * charts, map and lagging areas. Outside the app layout; the toolbar does not print.
 */
import { useDataSetMeta } from '../../shared/use-metadata.js';
import { CompletenessBanner } from '../../shared/completeness-banner.js';
import { Alert, Button, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveBlob } from '../../shared/download.js';
import { reportDocx } from './report-docx.js';
import { useSearchParams } from 'react-router-dom';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { periodOr } from '../../shared/period-select.js';
import { scopeArea } from './analysis-config.js';
import { useIndicatorMeta } from './analysis-data.js';
import { formatPercent } from './indicator-status.js';
import { ReportBar, ReportTrend } from './report-charts.js';
import { KEY_INDICATORS, MAP_INDICATOR, todayText, useReportData } from './report-data.js';
import { ReportLagging } from './report-lagging.js';
import { ReportMap } from './report-map.js';
import { REPORT_CSS } from './report-styles.js';
import { ReportSummary } from './report-summary.js';
import { ReportTargets } from './report-targets.js';
import { ReportToolbar } from './report-toolbar.js';

export function AnnualReportPage() {
  const user = useUser();
  const { t, lang, pick } = useI18n();
  const { meta: dataSetMeta } = useDataSetMeta();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') || scopeArea(user);
  const period = periodOr(params.get('period'), 'figures');
  const { meta, error: metaError } = useIndicatorMeta();
  const { data: loaded, error, reload } = useReportData(area, period, user.scopeCode);
  const current = loaded && loaded.area === area && loaded.period === period ? loaded : null;
  const data = current && current.area === NATION_CODE ? { ...current, title: t('div.nation') } : current;
  const [mapDone, setMapDone] = useState<string | null>(null);
  const key = `${area}|${period}`;
  const onMapReady = useCallback(() => setMapDone(key), [key]);
  const mapIndicator = meta?.byCode.get(MAP_INDICATOR);
  const hasChildren = !!data?.children?.length;
  const ready = !!data && !!meta && (!hasChildren || !mapIndicator || mapDone === key);
  const title = data ? t('rep.title', { area: data.title, year: period }) : t('nav.report');
  // 编制单位: the user's office (its display name), else its area.
  const unit = user.displayName || user.scopeName;
  const paper = useRef<HTMLElement>(null);
  const saveWord = async () => {
    if (!paper.current) return;
    const blob = await reportDocx(paper.current, {
      title,
      unit,
      date: todayText(lang),
      texts: { toc: t('rep.toc'), unit: t('rep.unit'), date: t('rep.date'), signer: t('rep.signer'), page: t('rep.page') },
    });
    saveBlob(blob, `${title}.docx`);
  };

  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  const change = (patch: { area?: string; period?: string }) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(patch)) if (v) p.set(k, v);
      return p;
    });

  const failure = error ?? metaError;
  let body: React.ReactNode;
  if (failure) {
    body = (
      <Alert
        type="error"
        showIcon
        data-testid="report-error"
        title={t('rep.failed')}
        description={errorText(failure, lang)}
        action={
          <Space orientation="vertical">
            <Button onClick={reload}>{t('common.retry')}</Button>
            {area !== scopeArea(user) ? (
              <Button type="link" onClick={() => change({ area: scopeArea(user) })} data-testid="report-own">
                {t('rep.ownReport')}
              </Button>
            ) : null}
          </Space>
        }
      />
    );
  } else if (!data || !meta) {
    body = (
      <div data-testid="report-loading">
        <Skeleton active title={{ width: '70%' }} paragraph={{ rows: 4 }} />
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  } else {
    const c = data.completeness;
    const keys = KEY_INDICATORS.flatMap((code) => meta.byCode.get(code) ?? []);
    body = (
      <>
        <header>
          <h1 data-testid="report-title">{title}</h1>
          <div className="ar-meta">
            <div>{t('rep.generated', { date: todayText(lang) })}</div>
            <div>{t('rep.source', { dataSet: dataSetMeta ? pick(dataSetMeta.dataSet.name) : '', code: dataSetMeta?.dataSet.code ?? '' })}</div>
            <div data-testid="report-completeness">
              {t('rep.completeness', {
                received: formatNumber(c.received),
                expected: formatNumber(c.expected),
                rate: c.expected ? formatPercent(c.received / c.expected) : '–',
              })}
            </div>
          </div>
          <CompletenessBanner counts={{ expected: c.expected, reported: c.received }} style={{ marginTop: 12 }} />
          <nav className="ar-toc" data-docx="skip" data-testid="report-toc">
            <strong>{t('rep.toc')}</strong>
            <ol>
              {(['rep.s1', 'rep.s2', 'rep.s3', 'rep.s4', 'rep.s5'] as const).map((k) => (
                <li key={k}>{t(k).replace(/^[一二三四五六七八九十]+、/, '')}</li>
              ))}
            </ol>
          </nav>
        </header>
        <section>
          <h2>{t('rep.s1')}</h2>
          <ReportSummary data={data} byCode={meta.byCode} />
        </section>
        <section>
          <h2>{t('rep.s2')}</h2>
          <ReportTargets rows={data.own} byCode={meta.byCode} period={period} />
        </section>
        <section>
          <h2>{t('rep.s3')}</h2>
          {hasChildren ? (
            <>
              <h3>{t('rep.s3a', { level: t(`an.level.${data.childLevel!}`), year: period })}</h3>
              {keys.map((ind) => (
                <ReportBar key={ind.code} rows={data.children!} indicator={ind} />
              ))}
            </>
          ) : (
            <p className="ar-note">{t('rep.noChildren')}</p>
          )}
          <h3>{t('rep.s3b')}</h3>
          <ReportTrend series={data.trend} byCode={meta.byCode} />
        </section>
        <section>
          <h2>{t('rep.s4')}</h2>
          {hasChildren && mapIndicator ? (
            <ReportMap key={key} area={area} period={period} indicator={mapIndicator} childRows={data.children!} childLevel={data.childLevel} onReady={onMapReady} />
          ) : (
            <p className="ar-note">{t('rep.mapNone')}</p>
          )}
        </section>
        <section>
          <h2>{t('rep.s5')}</h2>
          {hasChildren ? (
            <ReportLagging own={data.own} childRows={data.children!} byCode={meta.byCode} />
          ) : (
            <p className="ar-note">{t('rep.noChildren')}</p>
          )}
        </section>
        <div className="ar-sign" data-docx="skip" data-testid="report-sign">
          <div>{t('rep.unit')}：{unit}</div>
          <div>{t('rep.date')}：{todayText(lang)}</div>
          <div>{t('rep.signer')}：＿＿＿＿＿＿</div>
        </div>
        <footer className="ar-footer">
          {t('rep.notes', { indicator: pick(mapIndicator?.name, MAP_INDICATOR) })}
        </footer>
      </>
    );
  }

  return (
    <div className="ar-root" data-testid="annual-report-page">
      <style>{REPORT_CSS}</style>
      <ReportToolbar area={area} period={period} ready={ready} onChange={change} onWord={saveWord} />
      <article ref={paper} className="ar-paper" data-testid="report-paper" data-ready={ready ? 'true' : 'false'} aria-busy={!ready && !failure}>
        {body}
      </article>
    </div>
  );
}
