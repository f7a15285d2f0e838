/** One task: its light and why, KPI, milestones, the children's roll-up, progress reports and history; the actions the user's level may take. */
import { PaperClipOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Progress, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isAdmin, useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { divisionApi } from '../org-units/org-units-api.js';
import { LightTag, STATE_TEXT, useL } from './lights.js';
import { supervisionApi, type TaskDetailDto } from './supervision-api.js';
import { TaskEditModal } from './task-edit-modal.js';

type Action = 'report' | 'cascade' | 'remind' | 'extend' | 'complete' | 'verify' | 'reopen' | null;

/** Whether the user's scope holds an area (CN: the nation only). */
export function holds(scopeCode: string, scopeLevel: number | null, area: string): boolean {
  if (scopeLevel === 0) return true;
  if (scopeLevel === null || area === 'CN') return false;
  return area.startsWith(scopeCode);
}

export function TaskPage() {
  const L = useL();
  const { lang } = useI18n();
  const user = useUser();
  const id = Number(useParams().id);
  const task = useAsync(`task-${id}`, () => supervisionApi.task(id));
  const [action, setAction] = useState<Action>(null);
  const [editing, setEditing] = useState(false);
  const t = task.data;
  if (task.error && !t) return <ErrorAlert error={task.error} onRetry={task.reload} />;
  if (!t) return null;
  const admin = isAdmin(user);
  const owner = (admin && holds(user.scopeCode, user.scopeLevel, t.leadArea)) || t.responsible.includes(user.username);
  const issuer = admin && holds(user.scopeCode, user.scopeLevel, t.issuerArea);
  const open = t.state === 'not_started' || t.state === 'in_progress';
  return (
    <>
      <PageTitle extra={<Link to={`/supervision/print/tasks/${t.id}`} target="_blank"><Button icon={<PrinterOutlined />}>{L('打印督办单', 'Print notice')}</Button></Link>}>
        {t.number} {t.title}
      </PageTitle>
      <Card size="small" data-testid="task-summary">
        <Space wrap style={{ marginBottom: 8 }}>
          <LightTag light={t.light} />
          <Tag>{L(STATE_TEXT[t.state]!.zh, STATE_TEXT[t.state]!.en)}</Tag>
          {t.lightInfo.reasons.map((r) => <Typography.Text key={r.zh} type="secondary">{L(r.zh, r.en)}</Typography.Text>)}
          {t.escalatedAt ? <Tag color="red">{L('已升级督办', 'Escalated')}</Tag> : null}
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={L('牵头单位', 'Lead')}>{t.leadName}{t.leadOffice ? ` ${t.leadOffice}` : ''}</Descriptions.Item>
          <Descriptions.Item label={L('下达单位', 'Issuer')}>{t.issuerName}</Descriptions.Item>
          <Descriptions.Item label={L('起止', 'Dates')}>{t.startDate} — {t.dueDate}</Descriptions.Item>
          <Descriptions.Item label={L('完成进度', 'Progress')}><Progress percent={t.percent} size="small" style={{ width: 160 }} /></Descriptions.Item>
          <Descriptions.Item label={L('序时进度', 'Planned')}>{t.lightInfo.planned === null ? '—' : `${t.lightInfo.planned}%`}</Descriptions.Item>
          <Descriptions.Item label={L('报送周期', 'Reports')}>{t.cadence === 'monthly' ? L('每月', 'monthly') : t.cadence === 'quarterly' ? L('每季度', 'quarterly') : '—'}</Descriptions.Item>
          {t.kpiView ? (
            <Descriptions.Item label={L('考核指标', 'KPI')}>
              {t.kpiView.indicatorName} {t.kpiView.value === null ? '—' : `${(t.kpiView.value * 100).toFixed(1)}%`} / {(t.kpiView.threshold * 100).toFixed(0)}% {t.kpiView.met ? <Tag color="green">{L('达标', 'met')}</Tag> : <Tag color="red">{L('未达标', 'not met')}</Tag>}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} ellipsis={{ rows: 3, expandable: true }}>{t.text}</Typography.Paragraph>
        <Space wrap>
          {owner && open ? <Button type="primary" onClick={() => setAction('report')} data-testid="task-report">{L('报送进展', 'Report progress')}</Button> : null}
          {owner && t.state !== 'closed' ? <Button onClick={() => setAction('cascade')} data-testid="task-cascade">{L('分解下达', 'Hand down')}</Button> : null}
          {owner && open ? <Button onClick={() => setAction('complete')} data-testid="task-complete">{L('标记完成', 'Mark done')}</Button> : null}
          {issuer && t.state === 'done' ? <Button type="primary" onClick={() => setAction('verify')} data-testid="task-verify">{L('核验销号', 'Verify and close')}</Button> : null}
          {issuer && (t.state === 'done' || t.state === 'closed') ? <Button onClick={() => setAction('reopen')}>{L('退回重办', 'Reopen')}</Button> : null}
          {issuer && t.state !== 'closed' ? <Button onClick={() => setAction('remind')} data-testid="task-remind">{L('催办', 'Remind')}</Button> : null}
          {issuer && t.state !== 'closed' ? <Button onClick={() => setAction('extend')}>{L('延期', 'Extend')}</Button> : null}
          {issuer && t.state !== 'closed' ? <Button onClick={() => setEditing(true)} data-testid="task-edit-open">{L('编辑', 'Edit')}</Button> : null}
        </Space>
      </Card>
      {t.milestones.length ? (
        <Card size="small" title={L('节点', 'Milestones')} style={{ marginTop: 12 }}>
          <Table size="small" rowKey="title" pagination={false} dataSource={t.milestones} columns={[{ title: L('节点', 'Milestone'), dataIndex: 'title' }, { title: L('计划日期', 'Planned'), dataIndex: 'plannedDate' }, { title: L('权重', 'Weight'), dataIndex: 'weight' }]} />
        </Card>
      ) : null}
      {t.childTasks.length ? (
        <Card size="small" title={L(`下级任务（${t.rollup.total} 个，平均进度 ${t.rollup.averagePercent ?? 0}%，红 ${t.rollup.byLight.red} 黄 ${t.rollup.byLight.yellow}）`, `Handed down (${t.rollup.total}, average ${t.rollup.averagePercent ?? 0}%)`)} style={{ marginTop: 12 }} data-testid="task-children">
          <Table size="small" rowKey="id" pagination={{ pageSize: 10 }} dataSource={t.childTasks} expandable={{ childrenColumnName: 'subtasks' }}
            columns={[
              { title: L('督办灯', 'Light'), width: 90, render: (_, c) => <LightTag light={c.light} /> },
              { title: L('牵头单位', 'Lead'), render: (_, c) => <Link to={`/supervision/tasks/${c.id}`}>{c.leadName}</Link> },
              { title: L('进度', 'Progress'), width: 80, render: (_, c) => `${c.percent}%` },
              { title: L('最近报送', 'Last report'), width: 120, render: (_, c) => c.lastReportAt?.slice(0, 10) ?? '—' },
              { title: L('说明', 'Why'), render: (_, c) => c.lightInfo.reasons.map((r) => L(r.zh, r.en)).join('；') },
            ]} />
        </Card>
      ) : null}
      <Card size="small" title={L('进展报告', 'Progress reports')} style={{ marginTop: 12 }} data-testid="task-progress">
        <Table size="small" rowKey="id" pagination={false} dataSource={t.progress}
          columns={[
            { title: L('期次', 'Period'), dataIndex: 'period', width: 90 },
            { title: L('进度', 'Progress'), width: 70, render: (_, p) => `${p.percent}%` },
            { title: L('进展情况', 'Report'), render: (_, p) => <>{p.text}{p.files.map((f) => <div key={f.sha256}><a href={supervisionApi.taskFileUrl(t.id, f.sha256)} target="_blank" rel="noreferrer"><PaperClipOutlined /> {f.filename}</a></div>)}</> },
            { title: L('报送', 'Reported'), width: 170, render: (_, p) => <>{p.reportedAt.slice(0, 10)} {p.reportedBy} {p.late ? <Tag color="gold">{L('迟报', 'late')}</Tag> : null}</> },
          ]} />
      </Card>
      <Card size="small" title={L('办理记录', 'History')} style={{ marginTop: 12 }}>
        <Timeline items={t.events.map((e) => ({ children: `${e.at.slice(0, 16).replace('T', ' ')} ${e.by}：${e.note}` }))} />
      </Card>
      {editing ? <TaskEditModal task={t} open={editing} onClose={() => setEditing(false)} onSaved={() => (setEditing(false), task.reload())} /> : null}
      <TaskAction action={action} task={t} onClose={() => setAction(null)} onDone={() => (setAction(null), task.reload())} lang={lang} />
    </>
  );
}

function TaskAction({ action, task, onClose, onDone, lang }: { action: Action; task: TaskDetailDto; onClose: () => void; onDone: () => void; lang: 'zh' | 'en' }) {
  const L = useL();
  const [text, setText] = useState('');
  const [percent, setPercent] = useState<number>(task.percent);
  const [date, setDate] = useState(dayjs(task.dueDate).add(1, 'month'));
  const [areas, setAreas] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const below = useAsync(action === 'cascade' ? `below-${task.leadArea}` : null, () => divisionApi.children(task.leadArea));
  const done = new Set(task.childTasks.map((c) => c.leadArea));
  const titles: Record<string, string> = {
    report: L('报送进展', 'Report progress'), cascade: L('分解下达', 'Hand down'), remind: L('催办', 'Remind'), extend: L('延期', 'Extend'),
    complete: L('标记完成', 'Mark done'), verify: L('核验销号', 'Verify and close'), reopen: L('退回重办', 'Reopen'),
  };
  const run = async () => {
    setError(null);
    try {
      if (action === 'report') {
        const r = await supervisionApi.report(task.id, { text, percent });
        for (const f of files) await supervisionApi.attachToReport(task.id, r.id, f);
        setFiles([]);
      }
      if (action === 'cascade') await supervisionApi.cascade(task.id, { areas });
      if (action === 'remind') await supervisionApi.remind(task.id, text);
      if (action === 'extend') await supervisionApi.extend(task.id, date.format('YYYY-MM-DD'), text);
      if (action === 'complete') await supervisionApi.complete(task.id, text);
      if (action === 'verify') await supervisionApi.verify(task.id, text);
      if (action === 'reopen') await supervisionApi.reopen(task.id, text);
      setText('');
      onDone();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <Modal open={action !== null} title={action ? titles[action] : ''} onCancel={onClose} onOk={() => void run()} okText={L('确定', 'OK')} cancelText={L('取消', 'Cancel')} destroyOnHidden data-testid="task-action">
      <Form layout="vertical">
        {action === 'report' ? (
          <Form.Item label={L('完成进度（%）', 'Progress (%)')}>
            <InputNumber min={0} max={100} value={percent} onChange={(v) => setPercent(Number(v))} data-testid="progress-percent" />
          </Form.Item>
        ) : null}
        {action === 'report' ? (
          <Form.Item label={L('佐证材料（PDF、图片、Word、Excel）', 'Evidence (PDF, images, Word, Excel)')}>
            <Upload multiple fileList={files.map((f, i) => ({ uid: String(i), name: f.name }))} beforeUpload={(f) => (setFiles((xs) => [...xs, f]), false)} onRemove={(x) => setFiles((xs) => xs.filter((_, i) => String(i) !== x.uid))}>
              <Button icon={<UploadOutlined />}>{L('选择文件', 'Choose files')}</Button>
            </Upload>
          </Form.Item>
        ) : null}
        {action === 'extend' ? (
          <Form.Item label={L('新的截止日期', 'New due date')}>
            <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
          </Form.Item>
        ) : null}
        {action === 'cascade' ? (
          <Form.Item label={L('下达至（不选则全部下级）', 'To (none chosen: all below)')}>
            <Checkbox.Group value={areas} onChange={(v) => setAreas(v.map(String))} data-testid="cascade-areas"
              options={(below.data?.items ?? []).map((d) => ({ value: d.code, label: d.name, disabled: done.has(d.code) }))} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))' }} />
          </Form.Item>
        ) : (
          <Form.Item label={action === 'report' ? L('进展情况', 'What was done') : action === 'extend' || action === 'reopen' ? L('原因', 'Reason') : L('说明', 'Note')}>
            <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="action-text" />
          </Form.Item>
        )}
      </Form>
      {error ? <Alert type="error" showIcon message={error} data-testid="action-error" /> : null}
    </Modal>
  );
}
