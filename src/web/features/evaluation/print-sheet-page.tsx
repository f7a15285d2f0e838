/**
 * /evaluation/print/applications/:id (printable): one application's score sheet (评分表) on A4 —
 * the unit and cycle, every item with its points, the automatic score and what it was computed
 * from, each stage's score side by side and the totals, then the objections and the reviewers'
 * signatures. The same figures as the page; 打印 / 另存为 PDF gives the sheet to file.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { allItems } from '../../../domain/evaluation/standard.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { formatPercent } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { evaluationApi, reviewApi, type ApplicationDetail } from './evaluation-api.js';
import { GONGWEN_CSS } from './print-styles.js';

function stageCell(d: ApplicationDetail, code: string, s: ApplicationDetail['stages'][number]): string {
  const sc = d.items.find((i) => i.code === code)?.stages[s];
  if (!sc) return '';
  if (!sc.applicable) return '不适用';
  return sc.veto !== null ? (sc.veto ? '否决' : '否') : String(sc.points ?? '');
}

export function PrintSheetPage() {
  const { t, pick } = useI18n();
  const id = Number(useParams().id);
  const detail = useAsync(`app|${id}`, () => reviewApi.application(id));
  const d = detail.data;
  const std = useAsync(d?.cycle.standard ?? null, () => evaluationApi.standard(d!.cycle.standard));
  return (
    <div className="ar-root" data-testid="eval-print-sheet">
      <style>{GONGWEN_CSS}</style>
      <div className="ar-toolbar">
        <Link to={`/evaluation/applications/${id}`}>
          <ArrowLeftOutlined /> {t('eval.items')}
        </Link>
        <span className="ar-spacer" />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('eval.print')}</Button>
      </div>
      <ErrorAlert error={detail.error ?? std.error} style={{ margin: 24 }} />
      {!d || !std.data ? (
        <div className="ar-paper"><Skeleton active /></div>
      ) : (
        <div className="ar-paper gw-paper">
          <div className="gw-form-title">{pick(std.data.name)}评分表</div>
          <table className="gw-fields">
            <tbody>
              <tr><td className="k">申报单位</td><td>{d.application.subjectName}（{d.application.subjectCode}）</td><td className="k">创建周期</td><td>{d.cycle.name}</td></tr>
              <tr><td className="k">评价年度</td><td>{d.cycle.assessmentYear} 年年报数据</td><td className="k">当前阶段</td><td>{t(`eval.stage.${d.application.stage}` as MessageKey)}</td></tr>
            </tbody>
          </table>
          <table className="ar-table" data-testid="eval-print-items">
            <colgroup>
              <col style={{ width: '34%' }} /><col style={{ width: '7%' }} /><col style={{ width: '23%' }} />
              {d.stages.map((s) => <col key={s} style={{ width: `${36 / d.stages.length}%` }} />)}
            </colgroup>
            <thead>
              <tr><th>评分项</th><th>分值</th><th>自动得分（依据）</th>{d.stages.map((s) => <th key={s}>{t(`eval.stage.${s}` as MessageKey)}</th>)}</tr>
            </thead>
            <tbody>
              {allItems(std.data).map((it) => {
                const row = d.items.find((i) => i.code === it.code)!;
                const a = row.auto;
                const auto = !row.automatic ? '' : !a || !a.applicable ? '不适用' : `${a.veto !== null ? (a.veto ? '触发否决' : '未触发') : a.points}（${a.numerator ?? '–'}/${a.denominator ?? '–'}，${formatPercent(a.value)}）`;
                return (
                  <tr key={it.code}>
                    <td>{it.code} {pick(it.name)}</td>
                    <td className="center">{it.max ?? '—'}</td>
                    <td>{auto}</td>
                    {d.stages.map((s) => <td key={s} className="center">{row.automatic ? '—' : stageCell(d, it.code, s)}</td>)}
                  </tr>
                );
              })}
              <tr>
                <td><strong>总分（满分 {std.data.scale}，合格线 {std.data.passLine}）</strong></td><td /><td />
                {d.stages.map((s) => <td key={s} className="center"><strong>{d.totals[s]?.total ?? ''}</strong>{d.totals[s] ? (d.totals[s]!.passed ? ' 合格' : ' 不合格') : ''}</td>)}
              </tr>
            </tbody>
          </table>
          {d.objections.length ? (
            <>
              <div className="ar-caption">公示期异议及处理</div>
              <table className="ar-table"><tbody>{d.objections.map((o) => <tr key={o.id}><td style={{ width: '50%' }}>{o.text}</td><td>{o.resolution ?? '未处理'}</td></tr>)}</tbody></table>
            </>
          ) : null}
          {d.experts.length ? <p className="ar-note">评审专家：{d.experts.map((e) => `${e.name}（${e.specialty}）`).join('、')}</p> : null}
          <div className="gw-signature"><span>评审人员（签字）：</span><span>日期：　　　　年　　月　　日</span></div>
          <div className="ar-footer">自动得分由基层中医药服务能力监测评价平台按 {d.cycle.assessmentYear} 年年报数据实时计算；人工评分为各阶段评审人员录入。</div>
        </div>
      )}
    </div>
  );
}
