/**
 * The 创建申报 tab of /evaluation: a cycle's applications in the user's area with their stage,
 * applying (a county for itself, a province or the nation for a county under it), and — for the
 * nation — opening a new cycle.
 */
import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { saveBlob } from '../../shared/download.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { reviewApi, type ApplicationDto, type StandardSummary } from './evaluation-api.js';
import { DrawSampleButton, SampleTag } from './onsite-sample.js';

export const STAGE_COLORS: Record<string, string> = { SELF: 'default', CITY: 'cyan', PROVINCE: 'blue', NATIONAL: 'geekblue', PUBLICITY: 'gold', NAMED: 'green', REJECTED: 'red' };

export function StageTag({ stage }: { stage: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid="eval-stage" data-stage={stage}>
      {t(`eval.stage.${stage}` as MessageKey)}
    </Tag>
  );
}

export function ApplicationsPanel({ cycle, onCycle, standards }: { cycle: string | null; onCycle: (c: string) => void; standards: StandardSummary[] }) {
  const user = useUser();
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const cycles = useAsync('cycles', () => reviewApi.cycles());
  const current = cycle ?? cycles.data?.items[cycles.data.items.length - 1]?.code ?? null;
  const [stage, setStage] = useState<string | undefined>();
  const apps = useAsync(current ? `${current}|${stage ?? ''}` : null, () => reviewApi.applications(current!, stage));
  const sample = useAsync(current ? `sample|${current}` : null, () => reviewApi.sample(current!));
  const sampled = new Map((sample.data?.items ?? []).map((x) => [x.applicationId, x]));
  const [subject, setSubject] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const admin = user.role === 'AREA_ADMIN' || user.role === 'SYSTEM_ADMIN';
  const county = user.scopeLevel === 3;
  const mine = apps.data?.items.find((a) => a.subjectCode === user.scopeCode);

  const enrol = async (code: string) => {
    try {
      await reviewApi.enrol(current!, code);
      message.success(t('eval.enrolled'));
      apps.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('eval.cycle')}</Typography.Text>
        <Select
          value={current ?? undefined}
          style={{ width: 280 }}
          placeholder={t('eval.noCycle')}
          onChange={onCycle}
          options={(cycles.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
          data-testid="eval-cycle"
          aria-label={t('eval.cycle')}
        />
        <Select
          allowClear
          value={stage}
          style={{ width: 140 }}
          placeholder={t('eval.stage')}
          onChange={(v) => setStage(v)}
          options={['SELF', 'CITY', 'PROVINCE', 'NATIONAL', 'PUBLICITY', 'NAMED', 'REJECTED'].map((s) => ({ value: s, label: t(`eval.stage.${s}` as MessageKey) }))}
          data-testid="eval-stage-filter"
          aria-label={t('eval.stage')}
        />
        {admin && county && current && !mine && !stage ? (
          <Button type="primary" onClick={() => void enrol(user.scopeCode)} data-testid="eval-enrol">
            {t('eval.enrol')}
          </Button>
        ) : null}
        {admin && !county && current ? (
          <>
            <DivisionSelect level={3} value={subject} onChange={(c) => setSubject(c)} style={{ width: 200 }} placeholder={t('eval.enrolCounty')} data-testid="eval-enrol-subject" />
            <Button disabled={!subject} onClick={() => subject && void enrol(subject)} data-testid="eval-enrol">
              {t('eval.enrol')}
            </Button>
          </>
        ) : null}
        {current ? (
          <Button
            icon={<DownloadOutlined />}
            onClick={async () => {
              try {
                const { blob, fileName } = await reviewApi.results(current, stage);
                saveBlob(blob, fileName ?? 'results.xlsx');
              } catch (e) {
                message.error(errorText(e, lang));
              }
            }}
            data-testid="eval-results"
          >
            {t(stage === 'PUBLICITY' ? 'eval.publicityList' : stage === 'NAMED' ? 'eval.namingList' : 'eval.results')}
          </Button>
        ) : null}
        {current ? (
          <Link to={`/evaluation/print/cycles/${encodeURIComponent(current)}${stage ? `?stage=${stage}` : ''}`} data-testid="eval-print-list-link">
            <PrinterOutlined /> {t('eval.printList')}
          </Link>
        ) : null}
        {admin && user.scopeLevel === 0 && current ? <DrawSampleButton cycle={current} onDrawn={sample.reload} /> : null}
        {admin && user.scopeLevel === 0 ? (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="eval-new-cycle">
            {t('eval.newCycle')}
          </Button>
        ) : null}
      </Space>
      <ErrorAlert error={cycles.error ?? apps.error} style={{ marginBottom: 8 }} />
      {current ? (
        <Table<ApplicationDto>
          size="small"
          rowKey="id"
          loading={apps.loading}
          dataSource={apps.data?.items ?? []}
          pagination={{ defaultPageSize: 20 }}
          data-testid="eval-applications"
          columns={[
            {
              title: t('eval.subject'),
              dataIndex: 'subjectName',
              render: (name: string, a) => (
                <span>
                  <Link to={`/evaluation/applications/${a.id}`} data-testid="eval-application-link">{name}</Link>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.subjectCode}</Typography.Text>
                </span>
              ),
            },
            { title: t('eval.stage'), dataIndex: 'stage', width: 120, render: (s: string) => <StageTag stage={s} /> },
            ...(sampled.size ? [{ title: t('eval.onsite'), key: 'onsite', render: (_: unknown, a: ApplicationDto) => <SampleTag s={sampled.get(a.id)} /> }] : []),
            { title: t('eval.note'), dataIndex: 'decisionNote', render: (n: string | null) => n ?? '' },
          ]}
        />
      ) : (
        <Empty description={t('eval.noCycle')} />
      )}
      <NewCycleModal open={creating} standards={standards} onClose={() => setCreating(false)} onCreated={(code) => { setCreating(false); cycles.reload(); onCycle(code); }} />
    </div>
  );
}

function NewCycleModal({ open, standards, onClose, onCreated }: { open: boolean; standards: StandardSummary[]; onClose: () => void; onCreated: (code: string) => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const c = await reviewApi.createCycle({
        code: v.code, standard: v.standard, name: v.name, firstYear: v.firstYear, lastYear: v.lastYear, assessmentYear: String(v.assessmentYear),
        applyFrom: v.window[0].format('YYYY-MM-DD'), applyTo: v.window[1].format('YYYY-MM-DD'), publicityDays: v.publicityDays,
      });
      onCreated(c.code);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('eval.newCycle')} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden>
      <ErrorAlert error={error} style={{ marginBottom: 8 }} />
      <Form form={form} layout="vertical" initialValues={{ standard: standards[0]?.code, publicityDays: 7, firstYear: dayjs().year() - 2, lastYear: dayjs().year(), assessmentYear: dayjs().year() - 1 }}>
        <Form.Item name="standard" label={t('eval.standard')} rules={[{ required: true }]}>
          <Select options={standards.map((s) => ({ value: s.code, label: pick(s.name) }))} />
        </Form.Item>
        <Form.Item name="code" label={t('eval.cycleCode')} rules={[{ required: true, pattern: /^[A-Z0-9_-]{3,40}$/ }]}>
          <Input placeholder="DEMO-2025-2027" data-testid="eval-cycle-code" />
        </Form.Item>
        <Form.Item name="name" label={t('eval.cycleName')} rules={[{ required: true }]}>
          <Input data-testid="eval-cycle-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="firstYear" label={t('eval.firstYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="lastYear" label={t('eval.lastYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="assessmentYear" label={t('eval.assessmentYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="publicityDays" label={t('eval.publicityDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Space>
        <Form.Item name="window" label={`${t('eval.applyFrom')} — ${t('eval.applyTo')}`} rules={[{ required: true }]}>
          <DatePicker.RangePicker data-testid="eval-cycle-window" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
