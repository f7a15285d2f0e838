/** 督办单: one task as a supervision notice in 公文 layout (A4), printed through the browser. */
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { issuingOffice } from '../../../domain/org-unit.js';
import { useAsync } from '../../shared/use-async.js';
import { GONGWEN_CSS, gongwenDate } from '../evaluation/print-styles.js';
import { LIGHT_TEXT, STATE_TEXT } from './lights.js';
import { supervisionApi } from './supervision-api.js';

export function PrintTaskPage() {
  const id = Number(useParams().id);
  const task = useAsync(`print-task-${id}`, () => supervisionApi.task(id));
  const t = task.data;
  useEffect(() => {
    if (t) document.title = `督办单-${t.title}`;
  }, [t]);
  if (!t) return <div style={{ padding: 24 }}>{task.error ? '无法读取该任务' : '正在加载…'}</div>;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="ar-root" data-testid="print-task">
      <style>{GONGWEN_CSS}</style>
      <div className="ar-toolbar">
        <span>督办单</span>
        <span className="ar-spacer" />
        <button type="button" onClick={() => window.print()}>打印 / 另存为 PDF</button>
      </div>
      <div className="ar-paper gw-paper">
        <div className="gw-issuer">{issuingOffice(t.issuerArea, t.issuerName)}</div>
        <div className="gw-docno">督办〔{t.startDate.slice(0, 4)}〕{t.id} 号</div>
        <hr className="gw-rule" />
        <div className="gw-title">督 办 单</div>
        <p>{t.leadArea === t.issuerArea ? (t.leadOffice ?? issuingOffice(t.leadArea, t.leadName)) : issuingOffice(t.leadArea, t.leadName)}：</p>
        <p className="gw-body">
          根据工作部署，现将“{t.number}{t.title}”列入督办事项。截至{gongwenDate(today)}，该任务完成进度为 {t.percent}%，状态为“{STATE_TEXT[t.state]!.zh}”，督办灯为“{LIGHT_TEXT[t.light]!.zh}”
          {t.lightInfo.reasons.length ? `（${t.lightInfo.reasons.map((r) => r.zh).join('；')}）` : ''}。请于{gongwenDate(t.dueDate)}前完成，并按要求报送进展情况。
        </p>
        <table className="gw-fields">
          <tbody>
            <tr><td className="k">督办事项</td><td colSpan={3}>{t.text}</td></tr>
            <tr><td className="k">牵头单位</td><td>{t.leadName}{t.leadOffice ? ` ${t.leadOffice}` : ''}</td><td className="k">完成时限</td><td>{t.dueDate}</td></tr>
            <tr><td className="k">协办单位</td><td colSpan={3}>{t.coOwners.map((o) => `${o.areaCode}${o.office ?? ''}`).join('、') || '—'}</td></tr>
            <tr><td className="k">最近进展</td><td colSpan={3}>{t.progress.at(-1) ? `${t.progress.at(-1)!.period}：${t.progress.at(-1)!.text}` : '尚未报送'}</td></tr>
            {t.childTasks.length ? <tr><td className="k">下级推进</td><td colSpan={3}>共 {t.rollup.total} 个单位，平均进度 {t.rollup.averagePercent ?? 0}%；滞后：{t.rollup.behind.map((b) => b.leadName).join('、') || '无'}</td></tr> : null}
          </tbody>
        </table>
        <div className="gw-sign">{issuingOffice(t.issuerArea, t.issuerName)}<br />{gongwenDate(today)}</div>
      </div>
    </div>
  );
}
