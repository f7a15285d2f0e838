/** 项目资金: projects by status (with the new-project form), fund batches, and execution against 序时进度 per area. */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Grid, Input, InputNumber, List, Modal, Segmented, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isAdmin, useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { saveBlob } from '../../shared/download.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { serverToday, serverYear } from './projects-api.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { facilityApi } from '../org-units/org-units-api.js';
import { LightTag, useL } from '../supervision/lights.js';
import { BatchHeadFields, useBatchHead } from './batch-head.js';
import { fundsApi, pct, projectsApi, STATUS_TEXT, WARNING_TEXT, yuanText, type ProjectView } from './projects-api.js';

export function StatusTag({ status }: { status: string }) {
  const L = useL();
  const s = STATUS_TEXT[status]!;
  return <Tag color={s.color} data-testid={`status-${status}`}>{L(s.zh, s.en)}</Tag>;
}

export function WarningTag({ warning }: { warning: string }) {
  const L = useL();
  const w = WARNING_TEXT[warning]!;
  return <Tag color={w.color} data-testid={`warning-${warning}`}>{L(w.zh, w.en)}</Tag>;
}

function NewProjectModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const L = useL();
  const { lang } = useI18n();
  const types = useAsync(open ? 'project-types' : null, () => projectsApi.types());
  const [type, setType] = useState<string>('TWO_SPECIALTIES_ONE_CENTRE');
  const [subject, setSubject] = useState<string>('');
  const [query, setQuery] = useState('');
  const [start, setStart] = useState(`${serverToday().slice(0, 7)}-01`);
  const [central, setCentral] = useState<number | null>(null);
  const [local, setLocal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = types.data?.items.find((x) => x.code === type);
  const facilityTypes = t?.subject.kind === 'FACILITY' ? t.subject.types : [];
  const options = useAsync(open && t?.subject.kind === 'FACILITY' ? `subj-${type}-${query}` : null, () =>
    Promise.all(facilityTypes.map((ft) => facilityApi.list({ type: ft as 'CHC', q: query || undefined, status: 'open', pageSize: 20 } as never))).then((pages) => pages.flatMap((p) => p.items)),
  );
  const save = async () => {
    setError(null);
    try {
      const p = await projectsApi.create({ type, subjectCode: subject, startDate: start, budget: { CENTRAL: String(central ?? 0), COUNTY: String(local ?? 0) } });
      onCreated(p.id);
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void save()} okButtonProps={{ disabled: !subject, 'data-testid': 'create-project' } as never} title={L('申报项目', 'Declare a project')} okText={L('申报', 'Declare')} cancelText={L('取消', 'Cancel')} destroyOnHidden width={640}>
      <Form layout="vertical">
        <Form.Item label={L('项目类型', 'Type')}>
          <Select value={type} onChange={(v) => (setType(v), setSubject(''))} data-testid="project-type" options={(types.data?.items ?? []).map((x) => ({ value: x.code, label: L(x.name.zh, x.name.en) }))} />
        </Form.Item>
        {t?.subject.kind === 'FACILITY' ? (
          <Form.Item label={L('建设单位（机构）', 'Subject (facility)')}>
            <Select
              showSearch
              filterOption={false}
              value={subject || undefined}
              onSearch={setQuery}
              onChange={setSubject}
              data-testid="project-subject"
              placeholder={L('输入机构名称搜索', 'Type a facility name')}
              options={(options.data ?? []).map((f) => ({ value: f.code, label: `${f.name}（${f.code}）` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item label={L('县级区划代码', 'County code')} extra={t?.subject.kind === 'COUNTY' && t.subject.list ? L('须在“三区三州”名单内', 'Must be on the three-regions list') : null}>
            <Input value={subject} onChange={(e) => setSubject(e.target.value.trim())} data-testid="project-subject-code" placeholder="540102" />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item label={L('开工日期', 'Start')}>
            <DatePicker value={dayjs(start)} onChange={(v) => v && setStart(v.format('YYYY-MM-DD'))} allowClear={false} />
          </Form.Item>
          <Form.Item label={L('中央资金预算（元）', 'Central budget (yuan)')}>
            <InputNumber min={0} precision={2} value={central} onChange={setCentral} style={{ width: 170 }} data-testid="budget-central" />
          </Form.Item>
          <Form.Item label={L('地方配套（元）', 'Local budget (yuan)')}>
            <InputNumber min={0} precision={2} value={local} onChange={setLocal} style={{ width: 170 }} />
          </Form.Item>
        </Space>
        {t ? <Typography.Paragraph type="secondary">{L(`建设周期 ${t.months} 个月；节点：`, `${t.months} months; milestones: `)}{t.milestones.map((m) => L(m.name.zh, m.name.en)).join(' → ')}</Typography.Paragraph> : null}
        {error ? <Alert type="error" showIcon message={error} data-testid="project-error" /> : null}
      </Form>
    </Modal>
  );
}

function ProjectsTab({ phone }: { phone: boolean }) {
  const L = useL();
  const user = useUser();
  const nav = useNavigate();
  const [status, setStatus] = useState<string>('all');
  const [creating, setCreating] = useState(false);
  const list = useAsync('projects', () => projectsApi.list());
  const items = (list.data?.items ?? []).filter((p) => status === 'all' || p.status === status);
  const counts = list.data?.counts ?? {};
  return (
    <>
      {isAdmin(user) ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 12, marginRight: 12 }} data-testid="new-project">
          {L('申报项目', 'Declare a project')}
        </Button>
      ) : null}
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={status}
        onChange={(v) => setStatus(String(v))}
        data-testid="status-filter"
        options={[{ value: 'all', label: `${L('全部', 'All')} ${list.data?.items.length ?? 0}` }, ...Object.keys(STATUS_TEXT).map((s) => ({ value: s, label: `${L(STATUS_TEXT[s]!.zh, STATUS_TEXT[s]!.en)} ${counts[s] ?? 0}` }))]}
      />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {phone ? (
        <List
          dataSource={items}
          data-testid="project-list"
          pagination={{ pageSize: 20 }}
          renderItem={(p) => (
            <List.Item onClick={() => nav(`/projects/${p.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Space wrap><StatusTag status={p.status} /><LightTag light={p.light} /><span>{p.name}</span></Space>} description={`${p.areaName} · ${L('执行率', 'executed')} ${pct(p.funds.rate)} · ${p.percent}%`} />
            </List.Item>
          )}
        />
      ) : (
        <Table<ProjectView>
          size="small"
          rowKey="id"
          dataSource={items}
          loading={list.loading && !list.data}
          data-testid="project-list"
          scroll={{ x: 1320 }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: L('状态', 'Status'), width: 80, render: (_, p) => <StatusTag status={p.status} /> },
            { title: L('督办灯', 'Light'), width: 80, render: (_, p) => <LightTag light={p.light} /> },
            { title: L('项目', 'Project'), width: 300, render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link> },
            { title: L('类型', 'Type'), width: 150, dataIndex: 'typeName' },
            { title: L('地区', 'Area'), width: 100, dataIndex: 'areaName' },
            { title: L('预算（元）', 'Budget'), width: 130, align: 'right', render: (_, p) => yuanText(p.budgetTotal) },
            { title: L('已下达', 'Allocated'), width: 120, align: 'right', render: (_, p) => yuanText(p.funds.allocated) },
            { title: L('执行率', 'Executed'), width: 80, render: (_, p) => pct(p.funds.rate) },
            { title: L('资金预警', 'Funds'), width: 90, render: (_, p) => (p.funds.rate === null ? '—' : <WarningTag warning={p.funds.warning} />) },
            { title: L('进度', 'Progress'), width: 60, render: (_, p) => `${p.percent}%` },
            { title: L('绩效', 'Band'), width: 60, render: (_, p) => p.lastBand ?? '—' },
          ]}
        />
      )}
      <NewProjectModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => nav(`/projects/${id}`)} />
    </>
  );
}

/** 按项目下达: a batch entered line by line, to projects in the user's area. */
function ManualBatchModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const L = useL();
  const { lang } = useI18n();
  const projects = useAsync(open ? 'fundable-projects' : null, () => projectsApi.list());
  const [lines, setLines] = useState<{ projectId?: number; amount: string }[]>([{ amount: '' }]);
  const [head, setHead] = useBatchHead();
  const [error, setError] = useState<string | null>(null);
  const fundable = (projects.data?.items ?? []).filter((p) => ['APPROVED', 'BUILDING', 'ACCEPTANCE'].includes(p.status));
  const save = async () => {
    setError(null);
    try {
      await fundsApi.manualBatch({ ...head, lines: lines.filter((l) => l.projectId && l.amount).map((l) => ({ projectId: l.projectId, amount: l.amount })) });
      onDone();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void save()} title={L('按项目下达资金', 'Allocate to projects')} okText={L('下达', 'Allocate')} cancelText={L('取消', 'Cancel')} width={720} destroyOnHidden okButtonProps={{ disabled: !head.docNo, 'data-testid': 'manual-batch-save' } as never}>
      <Form layout="vertical">
        <BatchHeadFields head={head} set={setHead} docTestId="manual-batch-doc" />
        {lines.map((l, i) => (
          <Space key={i} wrap style={{ marginBottom: 6 }}>
            <Select showSearch optionFilterProp="label" value={l.projectId} onChange={(v) => setLines((ls) => ls.map((x, k) => (k === i ? { ...x, projectId: v } : x)))} style={{ width: 420 }} placeholder={L('选择项目', 'Choose a project')}
              options={fundable.map((p) => ({ value: p.id, label: `${p.areaName} · ${p.name}` }))} />
            <Input value={l.amount} onChange={(e) => setLines((ls) => ls.map((x, k) => (k === i ? { ...x, amount: e.target.value.trim() } : x)))} placeholder={L('金额（元）', 'Amount (yuan)')} style={{ width: 160 }} />
          </Space>
        ))}
        <div><Button size="small" icon={<PlusOutlined />} onClick={() => setLines((ls) => [...ls, { amount: '' }])}>{L('加一行', 'Add a line')}</Button></div>
        {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} /> : null}
      </Form>
    </Modal>
  );
}

function BatchesTab() {
  const L = useL();
  const user = useUser();
  const nav = useNavigate();
  const batches = useAsync('batches', () => fundsApi.batches());
  const [manual, setManual] = useState(false);
  return (
    <>
      {isAdmin(user) ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => nav('/funds/allocate')} data-testid="allocate-by-factors">
            {L('因素法分配资金', 'Allocate by factors')}
          </Button>
          <Button onClick={() => setManual(true)} data-testid="allocate-to-projects">{L('按项目下达', 'Allocate to projects')}</Button>
        </Space>
      ) : null}
      <ManualBatchModal open={manual} onClose={() => setManual(false)} onDone={() => (setManual(false), batches.reload())} />
      {batches.error ? <ErrorAlert error={batches.error} onRetry={batches.reload} /> : null}
      <Table
        size="small"
        rowKey="id"
        dataSource={batches.data?.items ?? []}
        data-testid="batch-list"
        pagination={{ pageSize: 20 }}
        columns={[
          { title: L('资金', 'Fund'), dataIndex: 'fund' },
          { title: L('年度', 'Year'), dataIndex: 'year', width: 60 },
          { title: L('批次', 'Kind'), width: 90, render: (_, b) => (b.kind === 'ADVANCE' ? L('提前下达', 'Advance') : L('正式下达', 'Formal')) },
          { title: L('文号', 'Document'), dataIndex: 'docNo', width: 170 },
          { title: L('下达单位', 'From'), dataIndex: 'fromName', width: 100 },
          { title: L('方式', 'Method'), width: 80, render: (_, b) => (b.method === 'FACTOR' ? L('因素法', 'Factors') : L('项目法', 'By line')) },
          { title: L('金额（元）', 'Total'), width: 140, align: 'right', render: (_, b) => yuanText(b.total) },
          { title: L('已支出', 'Spent'), width: 130, align: 'right', render: (_, b) => yuanText(b.spent) },
          {
            title: '',
            width: 90,
            render: (_, b) => (
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void fundsApi.ledger({ batch: b.id }).then((f) => saveBlob(f.blob, f.fileName ?? `资金台账-${b.docNo}.xlsx`))}>
                {L('台账', 'Ledger')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

function ExecutionTab() {
  const L = useL();
  const [chosen, setYear] = useState<number | undefined>(undefined);
  const [area, setArea] = useState<string | undefined>(undefined);
  const ex = useAsync(`execution-${chosen ?? ''}-${area ?? ''}`, () => fundsApi.execution({ year: chosen, area }));
  const year = chosen ?? ex.data?.year ?? serverYear();
  const e = ex.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select value={year} onChange={setYear} style={{ width: 110 }} options={[0, 1, 2, 3].map((k) => ({ value: serverYear() - k, label: `${serverYear() - k}${L('年', '')}` }))} data-testid="execution-year" />
        {area ? <Button onClick={() => setArea(area.length > 4 ? area.slice(0, area.length === 6 ? 4 : 6) : undefined)} data-testid="execution-up">{L('返回上级', 'Up one level')}</Button> : null}
        <Button icon={<DownloadOutlined />} onClick={() => void fundsApi.ledger({ area: e?.area, year }).then((f) => saveBlob(f.blob, f.fileName ?? '资金台账.xlsx'))} data-testid="area-ledger">
          {L('导出本地区资金台账', 'Ledger of this area (Excel)')}
        </Button>
      </Space>
      {ex.error ? <ErrorAlert error={ex.error} onRetry={ex.reload} /> : null}
      {e ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space size={32} wrap>
            <Statistic title={L('已下达（元）', 'Allocated')} value={yuanText(e.total.allocated)} />
            <Statistic title={L('已支出（元）', 'Spent')} value={yuanText(e.total.spent)} />
            <Statistic title={L('执行率', 'Execution')} value={pct(e.total.rate)} />
            <Statistic title={L('序时进度', 'Plan to date')} value={pct(e.total.planned)} />
            {e.total.rate !== null ? <WarningTag warning={e.total.warning} /> : null}
          </Space>
        </Card>
      ) : null}
      <Table
        size="small"
        rowKey="areaCode"
        dataSource={e?.rows ?? []}
        data-testid="execution-table"
        pagination={{ pageSize: 30 }}
        columns={[
          { title: L('地区', 'Area'), render: (_, r) => (r.areaCode.length < 9 ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setArea(r.areaCode)} data-testid={`drill-${r.areaCode}`}>{r.areaName}</Button> : r.areaName) },
          { title: L('项目数', 'Projects'), dataIndex: 'projects', width: 70 },
          { title: L('已下达（元）', 'Allocated'), width: 150, align: 'right', render: (_, r) => yuanText(r.allocated) },
          { title: L('已支出（元）', 'Spent'), width: 150, align: 'right', render: (_, r) => yuanText(r.spent) },
          { title: L('执行率', 'Executed'), width: 80, sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1), render: (_, r) => pct(r.rate) },
          { title: L('序时进度', 'Plan'), width: 80, render: (_, r) => pct(r.planned) },
          { title: L('预警', 'Warning'), width: 100, render: (_, r) => (r.rate === null ? '—' : <WarningTag warning={r.warning} />) },
        ]}
      />
    </>
  );
}

export function ProjectsPage() {
  const L = useL();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useQueryParams();
  const tab = params.get('tab') ?? 'projects';
  return (
    <>
      <PageTitle>{L('项目资金', 'Projects and funds')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'projects', label: L('建设项目', 'Projects'), children: <ProjectsTab phone={phone} /> },
          { key: 'batches', label: L('资金下达', 'Allocations'), children: <BatchesTab /> },
          { key: 'execution', label: L('执行监控', 'Execution'), children: <ExecutionTab /> },
        ]}
      />
    </>
  );
}
