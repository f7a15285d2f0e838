/** 督导调度: tasks by light, work plans, rectification lists and the statistics of one area. */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, List, Row, Segmented, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isAdmin, useUser } from '../../app/auth.js';
import { saveBlob } from '../../shared/download.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { LIGHT_COLOR, LIGHT_TEXT, LightTag, STATE_TEXT, useL } from './lights.js';
import { PlanEditor } from './plan-editor.js';
import { GapRectModal } from './rect-gap-modal.js';
import { VisitModal } from './visit-modal.js';
import { supervisionApi, type TaskViewDto } from './supervision-api.js';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function TaskList({ items, phone }: { items: TaskViewDto[]; phone: boolean }) {
  const L = useL();
  const nav = useNavigate();
  if (phone)
    return (
      <div data-testid="task-list">
      <List
        dataSource={items}
        renderItem={(t) => (
          <List.Item onClick={() => nav(`/supervision/tasks/${t.id}`)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta title={<Space wrap><LightTag light={t.light} /><span>{t.number} {t.title}</span></Space>} description={`${t.leadName} · ${L('截止', 'due')} ${t.dueDate} · ${t.percent}%`} />
          </List.Item>
        )}
      />
      </div>
    );
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={items}
      data-testid="task-list"
      expandable={{ childrenColumnName: 'subtasks' }}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        { title: L('督办灯', 'Light'), width: 90, render: (_, t) => <LightTag light={t.light} /> },
        { title: L('任务', 'Task'), render: (_, t) => <Link to={`/supervision/tasks/${t.id}`}>{t.number} {t.title}</Link> },
        { title: L('牵头单位', 'Lead'), width: 120, render: (_, t) => `${t.leadName}${t.leadOffice ? ` ${t.leadOffice}` : ''}` },
        { title: L('下达单位', 'Issuer'), width: 100, dataIndex: 'issuerName' },
        { title: L('截止日期', 'Due'), width: 110, dataIndex: 'dueDate' },
        { title: L('进度', 'Progress'), width: 70, render: (_, t) => `${t.percent}%` },
        { title: L('状态', 'State'), width: 110, render: (_, t) => L(STATE_TEXT[t.state]!.zh, STATE_TEXT[t.state]!.en) },
        { title: L('下级', 'Children'), width: 60, dataIndex: 'children' },
        { title: L('说明', 'Why'), render: (_, t) => t.lightInfo.reasons.map((r) => L(r.zh, r.en)).join('；') },
      ]}
    />
  );
}

function TasksTab({ phone }: { phone: boolean }) {
  const L = useL();
  const user = useUser();
  const [params] = useQueryParams();
  const plan = params.get('plan') ? Number(params.get('plan')) : undefined;
  const [light, setLight] = useState<string>('all');
  const [whose, setWhose] = useState<'own' | 'all'>('own');
  const tasks = useAsync(`tasks-${plan ?? ''}`, () => supervisionApi.tasks({ planId: plan }));
  const own = user.scopeLevel === 0 ? 'CN' : user.scopeCode;
  const all = (tasks.data?.items ?? []).filter((t) => whose === 'all' || t.leadArea === own);
  const shown = light === 'all' ? all : all.filter((t) => t.light === light);
  const count = (l: string) => all.filter((t) => t.light === l).length;
  return (
    <>
      {tasks.error ? <ErrorAlert error={tasks.error} onRetry={tasks.reload} /> : null}
      <Segmented
        style={{ marginBottom: 12, marginRight: 12 }}
        value={whose}
        onChange={(v) => setWhose(v as 'own' | 'all')}
        data-testid="whose-filter"
        options={[{ value: 'own', label: L('本级牵头', 'Led here') }, { value: 'all', label: L('含下级', 'With those below') }]}
      />
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={light}
        onChange={(v) => setLight(String(v))}
        data-testid="light-filter"
        options={[{ value: 'all', label: `${L('全部', 'All')} ${all.length}` }, ...['red', 'yellow', 'blue', 'green', 'done'].map((l) => ({ value: l, label: `${L(LIGHT_TEXT[l]!.zh, LIGHT_TEXT[l]!.en)} ${count(l)}` }))]}
      />
      <TaskList items={shown} phone={phone} />
    </>
  );
}

function PlansTab() {
  const L = useL();
  const user = useUser();
  const nav = useNavigate();
  const [editing, setEditing] = useState(false);
  const plans = useAsync('plans', () => supervisionApi.plans());
  return (
    <>
      {isAdmin(user) ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)} style={{ marginBottom: 12 }} data-testid="new-plan">
          {L('从政策文本新建计划', 'New plan from a policy text')}
        </Button>
      ) : null}
      {plans.error ? <ErrorAlert error={plans.error} onRetry={plans.reload} /> : null}
      <Table
        size="small"
        rowKey="id"
        dataSource={plans.data?.items ?? []}
        data-testid="plan-list"
        pagination={false}
        columns={[
          { title: L('计划', 'Plan'), render: (_, p) => <Link to={`/supervision?tab=tasks&plan=${p.id}`}>{p.title}</Link> },
          { title: L('年度', 'Year'), dataIndex: 'year', width: 70 },
          { title: L('要点', 'Items'), width: 70, render: (_, p) => p.items.length },
          { title: L('任务', 'Tasks'), dataIndex: 'taskCount', width: 70 },
          { title: L('状态', 'Status'), width: 90, render: (_, p) => (p.status === 'draft' ? <Tag>{L('草稿', 'Draft')}</Tag> : <Tag color="green">{L('已发布', 'Published')}</Tag>) },
          { title: L('发布时间', 'Published'), width: 120, render: (_, p) => p.publishedAt?.slice(0, 10) ?? '' },
        ]}
      />
      <PlanEditor
        open={editing}
        onClose={() => setEditing(false)}
        onCreated={() => {
          setEditing(false);
          plans.reload();
          nav('/supervision?tab=tasks');
        }}
      />
    </>
  );
}

function RectTab({ phone }: { phone: boolean }) {
  const L = useL();
  const user = useUser();
  const [gap, setGap] = useState(false);
  const [visit, setVisit] = useState(false);
  const [state, setState] = useState<string>('open');
  const rects = useAsync(`rects-${state}`, () => supervisionApi.rects(state === 'all' ? {} : { state }));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={state} onChange={(v) => setState(String(v))} options={[{ value: 'open', label: L('整改中', 'Open') }, { value: 'submitted', label: L('待核验', 'To verify') }, { value: 'closed', label: L('已销号', 'Closed') }, { value: 'all', label: L('全部', 'All') }]} data-testid="rect-filter" />
        {isAdmin(user) ? (
          <Button icon={<PlusOutlined />} onClick={() => setGap(true)} data-testid="rect-from-gaps">
            {L('从未达标名单生成整改清单', 'Items from a gap list')}
          </Button>
        ) : null}
        {isAdmin(user) ? (
          <Button onClick={() => setVisit(true)} data-testid="rect-visit">
            {L('录入督导检查', 'Record a visit')}
          </Button>
        ) : null}
      </Space>
      {rects.error ? <ErrorAlert error={rects.error} onRetry={rects.reload} /> : null}
      <Table
        size="small"
        rowKey="id"
        dataSource={rects.data?.items ?? []}
        data-testid="rect-list"
        scroll={phone ? { x: 700 } : undefined}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: L('督办灯', 'Light'), width: 80, render: (_, r) => <LightTag light={r.light} /> },
          { title: L('整改对象', 'Owner'), width: 140, dataIndex: 'subjectName' },
          { title: L('问题', 'Problem'), render: (_, r) => <Link to={`/supervision/rect/${r.id}`}>{r.problem}</Link> },
          { title: L('时限', 'Deadline'), width: 110, dataIndex: 'deadline' },
          { title: L('状态', 'State'), width: 90, render: (_, r) => L(STATE_TEXT[r.state]!.zh, STATE_TEXT[r.state]!.en) },
          { title: L('下达', 'Issuer'), width: 100, dataIndex: 'issuerName' },
        ]}
      />
      <VisitModal open={visit} onClose={() => setVisit(false)} onCreated={() => (setVisit(false), rects.reload())} />
      <GapRectModal open={gap} onClose={() => setGap(false)} onCreated={() => (setGap(false), rects.reload())} />
    </>
  );
}

function StatsTab() {
  const L = useL();
  const stats = useAsync('stats', () => supervisionApi.stats());
  const s = stats.data;
  return (
    <>
      {stats.error ? <ErrorAlert error={stats.error} onRetry={stats.reload} /> : null}
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<DownloadOutlined />} onClick={async () => { const f = await supervisionApi.ledger(); saveBlob(f.blob, f.fileName ?? '督办台账.xlsx'); }} data-testid="ledger">
          {L('导出督办台账（Excel）', 'Ledger (Excel)')}
        </Button>
      </Space>
      <Row gutter={[12, 12]}>
        {['red', 'yellow', 'blue', 'green', 'done'].map((l) => (
          <Col key={l} xs={12} md={4}>
            <Card size="small">
              <Statistic title={<Tag color={LIGHT_COLOR[l]}>{L(LIGHT_TEXT[l]!.zh, LIGHT_TEXT[l]!.en)}</Tag>} value={s?.byLight[l as 'red'] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={L('各单位按时完成率排名', 'On-time rate by unit (ranked)')}>
            <Table size="small" rowKey="areaCode" pagination={{ pageSize: 10 }} dataSource={s?.units ?? []} data-testid="ontime-ranking"
              columns={[
                { title: '#', width: 40, render: (_, __, i) => i + 1 },
                { title: L('牵头单位', 'Unit'), dataIndex: 'areaName' },
                { title: L('任务', 'Tasks'), dataIndex: 'tasks', width: 60 },
                { title: L('已完成', 'Done'), dataIndex: 'done', width: 70 },
                { title: L('逾期', 'Overdue'), dataIndex: 'overdue', width: 60 },
                { title: L('按时完成率', 'On time'), width: 90, render: (_, u) => pct(u.onTimeRate) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={L('逾期清单', 'Overdue')}>
            {s?.overdue.length ? (
              <List size="small" dataSource={s.overdue} data-testid="overdue-list" renderItem={(t) => <List.Item><Link to={`/supervision/tasks/${t.id}`}>{t.leadName}：{t.title}</Link><Typography.Text type="danger">{t.dueDate}</Typography.Text></List.Item>} />
            ) : (
              <Empty description={L('没有逾期任务', 'Nothing overdue')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export function SupervisionPage() {
  const L = useL();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useQueryParams();
  const tab = params.get('tab') ?? 'tasks';
  return (
    <>
      <PageTitle>{L('督导调度', 'Supervision')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'tasks', label: L('任务督办', 'Tasks'), children: <TasksTab phone={phone} /> },
          { key: 'plans', label: L('工作计划', 'Plans'), children: <PlansTab /> },
          { key: 'rect', label: L('整改清单', 'Rectification'), children: <RectTab phone={phone} /> },
          { key: 'stats', label: L('统计', 'Statistics'), children: <StatsTab /> },
        ]}
      />
    </>
  );
}
