/** One project: its status and light, milestones and progress, 绩效目标表 and self-evaluation, funds with the execution warning, and the acceptance. */
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../shared/api.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { serverToday, serverYear } from './projects-api.js';
import { LightTag, useL } from '../supervision/lights.js';
import { StatusTag, WarningTag } from './projects-page.js';
import { ACTION_TEXT, BAND_TEXT, fundsApi, pct, projectsApi, yuanText, type ProjectDetail, type TargetLeafView } from './projects-api.js';

const CATEGORY: Record<string, { zh: string; en: string }> = { OUTPUT: { zh: '产出指标', en: 'Outputs' }, BENEFIT: { zh: '效益指标', en: 'Benefits' }, SATISFACTION: { zh: '满意度指标', en: 'Satisfaction' } };
const SUB: Record<string, { zh: string; en: string }> = {
  QUANTITY: { zh: '数量', en: 'Quantity' }, QUALITY: { zh: '质量', en: 'Quality' }, TIMELINESS: { zh: '时效', en: 'Timeliness' }, COST: { zh: '成本', en: 'Cost' },
  SOCIAL: { zh: '社会效益', en: 'Social' }, SUSTAINABLE: { zh: '可持续影响', en: 'Sustainable' }, SATISFACTION: { zh: '服务对象满意度', en: 'Satisfaction' },
};

function useRun(reload: () => void) {
  const { lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, after?: () => void) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
      after?.();
      reload();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, setError };
}

function ProgressModal({ p, open, onClose, onDone }: { p: ProjectDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const L = useL();
  const [percent, setPercent] = useState<number | null>(p.percent);
  const [text, setText] = useState('');
  const [done, setDone] = useState<Record<string, string>>({});
  const { error, run } = useRun(onDone);
  const today = serverToday();
  return (
    <Modal open={open} onCancel={onClose} title={L('报送建设进展', 'Report progress')} okText={L('报送', 'Report')} cancelText={L('取消', 'Cancel')} destroyOnHidden
      okButtonProps={{ 'data-testid': 'submit-progress' } as never}
      onOk={() => void run(() => projectsApi.report(p.id, { percent: percent ?? 0, text, milestonesDone: Object.entries(done).map(([code, doneDate]) => ({ code, doneDate })) }), onClose)}>
      <Form layout="vertical">
        <Form.Item label={L('完成进度（%）', 'Percent done')}>
          <InputNumber min={0} max={100} value={percent} onChange={setPercent} data-testid="progress-percent" />
        </Form.Item>
        <Form.Item label={L('进展情况', 'What was done')}>
          <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="progress-text" />
        </Form.Item>
        <Form.Item label={L('本期完成的节点', 'Milestones done')}>
          {p.milestones.filter((m) => !m.doneDate).map((m) => (
            <div key={m.code} style={{ marginBottom: 6 }}>
              <Checkbox checked={m.code in done} onChange={(e) => setDone((d) => { const n = { ...d }; if (e.target.checked) n[m.code] = today; else delete n[m.code]; return n; })} data-testid={`milestone-${m.code}`}>
                {m.name}（{L('计划', 'planned')} {m.plannedDate}）
              </Checkbox>
              {m.code in done ? <DatePicker size="small" value={dayjs(done[m.code])} onChange={(v) => v && setDone((d) => ({ ...d, [m.code]: v.format('YYYY-MM-DD') }))} allowClear={false} /> : null}
            </div>
          ))}
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} /> : null}
      </Form>
    </Modal>
  );
}

function SpendingModal({ p, open, onClose, onDone }: { p: ProjectDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const L = useL();
  const [amount, setAmount] = useState<string>('');
  const [purpose, setPurpose] = useState('');
  const [voucher, setVoucher] = useState('');
  const [day, setDay] = useState(serverToday());
  const [year, setYear] = useState<number | undefined>(p.allocations.at(-1)?.year);
  const { error, run } = useRun(onDone);
  return (
    <Modal open={open} onCancel={onClose} title={L('记录支出', 'Record spending')} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')} destroyOnHidden
      okButtonProps={{ 'data-testid': 'save-spending' } as never}
      onOk={() => void run(() => fundsApi.spend({ projectId: p.id, spentOn: day, amount, purpose, voucher: voucher || undefined, year }), onClose)}>
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label={L('支出金额（元，冲销填负数）', 'Amount (yuan; negative reverses)')}>
            <Input value={amount} onChange={(e) => setAmount(e.target.value.trim())} data-testid="spending-amount" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={L('支出日期', 'Date')}>
            <DatePicker value={dayjs(day)} onChange={(v) => v && setDay(v.format('YYYY-MM-DD'))} allowClear={false} />
          </Form.Item>
          <Form.Item label={L('资金年度', 'Fund year')}>
            <Select value={year} onChange={setYear} style={{ width: 100 }} options={[...new Set([...p.allocations.map((a) => a.year), ...[0, 1, 2].map((k) => serverYear() - k)])].sort().reverse().map((y) => ({ value: y, label: String(y) }))} data-testid="spending-year" />
          </Form.Item>
        </Space>
        <Form.Item label={L('用途', 'Purpose')}>
          <Input value={purpose} onChange={(e) => setPurpose(e.target.value)} data-testid="spending-purpose" />
        </Form.Item>
        <Form.Item label={L('凭证号', 'Voucher')}>
          <Input value={voucher} onChange={(e) => setVoucher(e.target.value)} />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} data-testid="spending-error" /> : null}
      </Form>
    </Modal>
  );
}

function TargetsCard({ p, reload }: { p: ProjectDetail; reload: () => void }) {
  const L = useL();
  const [actuals, setActuals] = useState<Record<string, number | null>>({});
  const [result, setResult] = useState<{ score: number; band: string } | null>(null);
  const { error, busy, run } = useRun(reload);
  const editable = p.actions.includes('edit_targets');
  const leaves = p.targets.map((l) => (l.id in actuals ? { ...l, actual: actuals[l.id]! } : l));
  const save = () => run(() => projectsApi.setTargets(p.id, { leaves: leaves.map(({ live: _, completion: __, ...l }) => l) }), () => setActuals({}));
  return (
    <Card size="small" title={L('绩效目标表', 'Performance targets')} data-testid="targets"
      extra={
        <Space>
          {editable ? <Button size="small" disabled={!Object.keys(actuals).length} loading={busy} onClick={() => void save()} data-testid="save-targets">{L('保存实际值', 'Save actuals')}</Button> : null}
          {p.actions.includes('self_evaluate') ? (
            <Button size="small" type="primary" onClick={() => void run(async () => setResult(await projectsApi.selfEvaluate(p.id, serverYear())))} data-testid="self-evaluate">{L('绩效自评', 'Self-evaluate')}</Button>
          ) : null}
        </Space>
      }>
      {result ? <Alert type="success" showIcon style={{ marginBottom: 8 }} data-testid="self-eval-result" message={L(`自评得分 ${result.score}，等级：${BAND_TEXT[result.band]!.zh}`, `Score ${result.score}, band ${BAND_TEXT[result.band]!.en}`)} /> : null}
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} /> : null}
      <Table<TargetLeafView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={leaves}
        scroll={{ x: 720 }}
        columns={[
          { title: L('一级', 'Category'), width: 90, render: (_, l) => L(CATEGORY[l.category]!.zh, CATEGORY[l.category]!.en) },
          { title: L('二级', 'Sub'), width: 100, render: (_, l) => L(SUB[l.sub]!.zh, SUB[l.sub]!.en) },
          { title: L('指标', 'Indicator'), render: (_, l) => <Space size={4} wrap>{l.name}{l.indicator ? <Tag color="blue">{L('平台实时', 'live')}</Tag> : null}</Space> },
          { title: L('目标值', 'Target'), width: 110, render: (_, l) => `${l.direction === '>=' ? '≥' : '≤'} ${l.target}${l.unit}` },
          {
            title: L('实际值', 'Actual'),
            width: 130,
            render: (_, l) =>
              l.indicator || !editable ? (
                <span data-testid={`actual-${l.id}`}>{l.actual === null ? '—' : `${l.actual}${l.unit}`}</span>
              ) : (
                <InputNumber size="small" value={l.actual} onChange={(v) => setActuals((a) => ({ ...a, [l.id]: v }))} data-testid={`actual-input-${l.id}`} style={{ width: 110 }} />
              ),
          },
          { title: L('完成度', 'Met'), width: 80, render: (_, l) => pct(l.completion ?? null) },
        ]}
      />
      {p.selfEvals.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {L('历次自评：', 'Self-evaluations: ')}{p.selfEvals.map((e) => `${e.year} ${e.score}（${L(BAND_TEXT[e.band]!.zh, BAND_TEXT[e.band]!.en)}）`).join('；')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function AcceptanceCard({ p, reload }: { p: ProjectDetail; reload: () => void }) {
  const L = useL();
  const sheet = useAsync(p.actions.includes('accept') ? `acceptance-${p.id}` : null, () => projectsApi.acceptanceSheet(p.id));
  const [entries, setEntries] = useState<Record<string, { points?: number; veto?: boolean }>>({});
  const [note, setNote] = useState('');
  const { error, busy, run } = useRun(reload);
  const last = p.acceptances.at(-1);
  if (!sheet.data && !last) return null;
  return (
    <Card size="small" title={L('项目验收', 'Acceptance')} data-testid="acceptance">
      {last ? (
        <Alert type={last.passed ? 'success' : 'warning'} showIcon style={{ marginBottom: 8 }} data-testid="acceptance-result"
          message={last.passed ? L(`验收通过：${last.total} 分（${last.at.slice(0, 10)}）`, `Accepted: ${last.total} (${last.at.slice(0, 10)})`) : L(`验收未通过：${last.total} 分，请整改后重新验收`, `Not accepted: ${last.total}; rectify and run it again`)} />
      ) : null}
      {sheet.data ? (
        <>
          <Typography.Paragraph type="secondary">{sheet.data.standardName} · {L(`数据年度 ${sheet.data.period}，合格线 ${sheet.data.passLine} 分`, `data of ${sheet.data.period}, pass line ${sheet.data.passLine}`)}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="item"
            pagination={false}
            dataSource={sheet.data.items}
            scroll={{ x: 640 }}
            columns={[
              { title: L('项目', 'Item'), render: (_, i) => `${i.item} ${i.name}` },
              { title: L('满分', 'Max'), width: 60, render: (_, i) => i.max ?? (i.kind === 'VETO' ? L('否决', 'veto') : '') },
              {
                title: L('得分', 'Score'),
                width: 160,
                render: (_, i) =>
                  i.automatic ? (
                    <span>{i.applicable ? i.points : L('不适用', 'n/a')} <Tag color="blue">{L('数据自动', 'from data')}</Tag></span>
                  ) : i.kind === 'VETO' ? (
                    <Select size="small" style={{ width: 120 }} value={entries[i.item]?.veto === undefined ? undefined : entries[i.item]!.veto ? 'yes' : 'no'} onChange={(v) => setEntries((e) => ({ ...e, [i.item]: { veto: v === 'yes' } }))} data-testid={`score-${i.item}`}
                      options={[{ value: 'no', label: L('未触发', 'No') }, { value: 'yes', label: L('触发否决', 'Veto') }]} />
                  ) : (
                    <InputNumber size="small" min={0} max={i.max ?? undefined} value={entries[i.item]?.points} onChange={(v) => setEntries((e) => ({ ...e, [i.item]: { points: v ?? undefined } }))} data-testid={`score-${i.item}`} />
                  ),
              },
            ]}
          />
          <Input.TextArea rows={2} placeholder={L('验收意见', 'Opinion')} value={note} onChange={(e) => setNote(e.target.value)} style={{ marginTop: 8 }} />
          {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} data-testid="acceptance-error" /> : null}
          <Button type="primary" style={{ marginTop: 8 }} loading={busy} data-testid="submit-acceptance"
            onClick={() => void run(() => projectsApi.accept(p.id, { entries: Object.entries(entries).map(([item, s]) => ({ item, ...s })), note: note || undefined }))}>
            {L('提交验收结论', 'Submit the acceptance')}
          </Button>
        </>
      ) : null}
    </Card>
  );
}

export function ProjectPage() {
  const L = useL();
  const { id } = useParams();
  const pid = Number(id);
  const d = useAsync(`project-${pid}`, () => projectsApi.detail(pid));
  const [progress, setProgress] = useState(false);
  const [spending, setSpending] = useState(false);
  const [terminate, setTerminate] = useState(false);
  const [reason, setReason] = useState('');
  const { error, busy, run } = useRun(d.reload);
  const p = d.data;
  if (d.error && !p) return <ErrorAlert error={d.error} onRetry={d.reload} />;
  if (!p) return null;
  const behind = p.funds.rate !== null && p.funds.warning !== 'ok';
  return (
    <>
      <PageTitle extra={<Link to="/projects">{L('返回项目列表', 'All projects')}</Link>}>{p.name}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag status={p.status} />
        <LightTag light={p.light} />
        {p.reasons.map((r) => <Typography.Text key={r.zh} type="secondary">{L(r.zh, r.en)}</Typography.Text>)}
      </Space>
      <Space wrap style={{ marginBottom: 12 }} data-testid="project-actions">
        {p.actions.filter((a) => a in ACTION_TEXT && a !== 'terminate').map((a) => (
          <Button key={a} type="primary" loading={busy} onClick={() => void run(() => projectsApi.transition(p.id, a))} data-testid={`action-${a}`}>{L(ACTION_TEXT[a]!.zh, ACTION_TEXT[a]!.en)}</Button>
        ))}
        {p.actions.includes('report') ? <Button onClick={() => setProgress(true)} data-testid="report-progress">{L('报送进展', 'Report progress')}</Button> : null}
        {p.actions.includes('spend') ? <Button onClick={() => setSpending(true)} data-testid="record-spending">{L('记录支出', 'Record spending')}</Button> : null}
        {p.actions.includes('terminate') ? <Button danger onClick={() => setTerminate(true)} data-testid="action-terminate">{L('终止项目', 'Terminate')}</Button> : null}
      </Space>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {behind ? (
        <Alert type={p.funds.warning === 'far_behind' ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} data-testid="execution-warning"
          message={L(`资金执行${p.funds.warning === 'far_behind' ? '严重' : ''}滞后：执行率 ${pct(p.funds.rate)}，序时进度 ${pct(p.funds.planned)}`, `Spending ${p.funds.warning === 'far_behind' ? 'far ' : ''}behind plan: ${pct(p.funds.rate)} executed, ${pct(p.funds.planned)} planned to date`)} />
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={L('基本情况', 'Project')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={L('类型', 'Type')}>{p.typeName}</Descriptions.Item>
              <Descriptions.Item label={L('建设单位', 'Subject')}>{p.subjectName}（{p.subjectCode}）</Descriptions.Item>
              <Descriptions.Item label={L('地区', 'Area')}>{p.areaName}</Descriptions.Item>
              <Descriptions.Item label={L('建设期', 'Period')}>{p.startDate} — {p.endDate}</Descriptions.Item>
              <Descriptions.Item label={L('预算', 'Budget')}>{yuanText(p.budgetTotal)} {L('元', 'yuan')}（{L('中央', 'central')} {yuanText(p.budget.CENTRAL)}）</Descriptions.Item>
              {p.terminatedReason ? <Descriptions.Item label={L('终止原因', 'Terminated because')}>{p.terminatedReason}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={L('建设节点', 'Milestones')} data-testid="milestones">
            <List size="small" dataSource={p.milestones} renderItem={(m) => (
              <List.Item>
                <span>{m.name}</span>
                <span>{L('计划', 'planned')} {m.plannedDate} {m.doneDate ? <Tag color={m.doneDate <= m.plannedDate ? 'green' : 'orange'}>{L('完成', 'done')} {m.doneDate}</Tag> : m.plannedDate < serverToday() ? <Tag color="red">{L('逾期', 'late')}</Tag> : null}</span>
              </List.Item>
            )} />
            <Typography.Text type="secondary">{L(`进度 ${p.percent}%`, `${p.percent}% done`)}{p.planned !== null ? L(`，序时 ${p.planned}%`, `, ${p.planned}% planned`) : ''}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24}>
          <TargetsCard p={p} reload={d.reload} />
        </Col>
        <Col xs={24}>
          <Card size="small" title={L('项目资金', 'Funds')} data-testid="project-funds">
            <Space size={32} wrap style={{ marginBottom: 8 }}>
              <Statistic title={L('已下达（元）', 'Allocated')} value={yuanText(p.funds.allocated)} />
              <Statistic title={L('已支出（元）', 'Spent')} value={yuanText(p.funds.spent)} />
              <Statistic title={L('执行率', 'Executed')} value={pct(p.funds.rate)} />
              <Statistic title={L('序时进度', 'Plan to date')} value={pct(p.funds.planned)} />
              {p.funds.rate !== null ? <WarningTag warning={p.funds.warning} /> : null}
            </Space>
            <Table size="small" rowKey="id" pagination={false} dataSource={[...p.allocations.map((a) => ({ id: `a${a.id}`, date: '', kind: a.kind === 'ADVANCE' ? L('下达（提前）', 'Allocated (advance)') : L('下达（正式）', 'Allocated'), what: `${a.fund} ${a.docNo}`, amount: a.amount })), ...p.spendings.map((s) => ({ id: `s${s.id}`, date: s.spentOn, kind: `${Number(s.amount) < 0 ? L('冲销', 'Reversal') : L('支出', 'Spent')}（${s.year}${L('年资金', '')}）`, what: `${s.purpose}${s.voucher ? `（${s.voucher}）` : ''}`, amount: s.amount }))]}
              data-testid="fund-records"
              scroll={{ x: 560 }}
              columns={[
                { title: L('日期', 'Date'), dataIndex: 'date', width: 110 },
                { title: L('类别', 'Kind'), dataIndex: 'kind', width: 150 },
                { title: L('摘要', 'What'), dataIndex: 'what' },
                { title: L('金额（元）', 'Amount'), width: 140, align: 'right', render: (_, r) => yuanText(r.amount) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <AcceptanceCard p={p} reload={d.reload} />
        </Col>
        {p.progress.length ? (
          <Col xs={24}>
            <Card size="small" title={L('进展报送', 'Progress reports')}>
              <List size="small" dataSource={[...p.progress].reverse()} renderItem={(r) => <List.Item><span>{r.period} · {r.percent}% · {r.text}</span><Typography.Text type="secondary">{r.reportedBy} {r.reportedAt.slice(0, 10)}</Typography.Text></List.Item>} />
            </Card>
          </Col>
        ) : null}
      </Row>
      <ProgressModal p={p} open={progress} onClose={() => setProgress(false)} onDone={d.reload} />
      <SpendingModal p={p} open={spending} onClose={() => setSpending(false)} onDone={d.reload} />
      <Modal open={terminate} onCancel={() => setTerminate(false)} title={L('终止项目', 'Terminate the project')} okText={L('终止', 'Terminate')} okButtonProps={{ danger: true }} cancelText={L('取消', 'Cancel')}
        onOk={() => void run(() => projectsApi.transition(p.id, 'terminate', reason), () => setTerminate(false))}>
        <Input.TextArea rows={3} placeholder={L('终止原因（必填）', 'Why (required)')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
