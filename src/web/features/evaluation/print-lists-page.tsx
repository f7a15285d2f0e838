/**
 * /evaluation/print/cycles/:code?stage= (printable): a cycle's ranked results, publicity list
 * (stage=PUBLICITY) or naming list (stage=NAMED) as a 公文 on A4 — the issuing office in red, the
 * title, a paragraph from the cycle's own figures, signed and dated, with the list as its
 * attachment. 打印 / 另存为 PDF gives the document to send; the Excel file has the same rows.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { reviewApi, type RankingAnswer } from './evaluation-api.js';
import { GONGWEN_CSS, gongwenDate } from './print-styles.js';

function texts(r: RankingAnswer, stage: string | null) {
  const cycleName = r.cycle.name.replace(/创建$/, '');
  const n = r.rows.length;
  if (stage === 'PUBLICITY') {
    const until = r.rows.map((x) => x.publicityUntil).filter((d): d is string => !!d).sort().pop() ?? r.issuedOn;
    return {
      title: `关于${cycleName}拟命名名单的公示`,
      body: [
        `按照${cycleName}工作安排，经县级申报、省级评审推荐、国家评审（材料审查与现场评审），拟命名以下 ${n} 个县（市、区）为全国基层中医药工作示范县（市、区），现予以公示。`,
        `公示期至 ${gongwenDate(until)}。公示期间，如对公示单位有异议，请以书面形式实名向我局反映，并提供必要的证明材料。`,
      ],
      attach: `${cycleName}拟命名名单`,
    };
  }
  if (stage === 'NAMED') {
    const year = r.rows.map((x) => x.namedYear).filter((y): y is number => !!y).sort().pop();
    return {
      title: `关于命名${cycleName}的通知`,
      body: [
        `按照${cycleName}工作安排，经县级申报、省级评审推荐、国家评审和公示，决定命名以下 ${n} 个县（市、区）为全国基层中医药工作示范县（市、区）${year ? `，命名自 ${year} 年起，有效期三年` : ''}。`,
        '希望被命名单位珍惜荣誉，持续巩固提升基层中医药服务能力；各省级中医药主管部门要加强动态管理，命名期满组织复审。',
      ],
      attach: `${cycleName}命名名单`,
    };
  }
  const passed = r.rows.filter((x) => x.passed).length;
  return {
    title: `${cycleName}评审结果`,
    body: [`本周期共 ${n} 个单位申报，按各阶段评分排序如下；达到合格线（${r.passLine} 分）且未触发否决项的 ${passed} 个。`],
    attach: `${cycleName}评审结果汇总表`,
  };
}

export function PrintListsPage() {
  const { t } = useI18n();
  const code = useParams().code!;
  const [params] = useSearchParams();
  const stage = params.get('stage');
  const data = useAsync(`ranking|${code}|${stage ?? ''}`, () => reviewApi.ranking(code, stage ?? undefined));
  const r = data.data;
  const x = r ? texts(r, stage) : null;
  return (
    <div className="ar-root" data-testid="eval-print-list">
      <style>{GONGWEN_CSS}</style>
      <div className="ar-toolbar">
        <Link to={`/evaluation?cycle=${encodeURIComponent(code)}`}>
          <ArrowLeftOutlined /> {t('nav.evaluation')}
        </Link>
        <span className="ar-spacer" />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('eval.print')}</Button>
      </div>
      <ErrorAlert error={data.error} style={{ margin: 24 }} />
      {!r || !x ? (
        <div className="ar-paper"><Skeleton active /></div>
      ) : (
        <div className="ar-paper gw-paper">
          <div className="gw-issuer">{r.issuer}</div>
          <hr className="gw-rule" />
          <div className="gw-title" data-testid="eval-print-title">{x.title}</div>
          {x.body.map((p, i) => <p key={i} className="gw-body">{p}</p>)}
          <p className="gw-body">附件：{x.attach}</p>
          <div className="gw-sign">
            <div>{r.issuer}</div>
            <div>{gongwenDate(r.issuedOn)}</div>
          </div>
          <div className="gw-attach">
            <div className="gw-attach-label">附件</div>
            <div className="gw-attach-title">{x.attach}</div>
            <table className="ar-table" data-testid="eval-print-rows">
              <colgroup>
                <col style={{ width: '8%' }} /><col style={{ width: '18%' }} /><col style={{ width: stage ? '44%' : '30%' }} />
                {stage ? null : <col style={{ width: '14%' }} />}
                <col style={{ width: stage ? '30%' : '15%' }} />
                {stage ? null : <col style={{ width: '15%' }} />}
              </colgroup>
              <thead>
                <tr>
                  <th>序号</th><th>省份</th><th>县（市、区）</th>
                  {stage ? null : <th>阶段</th>}
                  <th>{stage ? '国家评审得分' : '最后评审得分'}</th>
                  {stage ? null : <th>是否合格</th>}
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => {
                  const last = [...r.stages].reverse().map((s) => row.totals[s]).find((v) => v !== undefined);
                  return (
                    <tr key={row.subjectCode}>
                      <td className="center">{row.rank}</td>
                      <td>{row.provinceName}</td>
                      <td>{row.subjectName}</td>
                      {stage ? null : <td className="center">{t(`eval.stage.${row.stage}` as MessageKey)}</td>}
                      <td className="num">{last ?? ''}</td>
                      {stage ? null : <td className="center">{row.passed === null ? '' : row.passed ? '是' : '否'}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
