/**
 * /evaluation (评审评估): a standard's items as data (kind, scoring mode, points, rule, evidence)
 * and its automatic items scored from the live data for every subject under an area and year —
 * each subject's automatic points over the applicable maxima, its vetoes, and per item how it was
 * scored (numerator / denominator = value, the band reached).
 */
import { Card, Col, Descriptions, Drawer, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { allItems, isAutomatic, type StandardItem } from '../../../domain/evaluation/standard.js';
import { useUser } from '../../app/auth.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { formatPercent } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { PeriodSelect, periodOr } from '../../shared/period-select.js';
import { useAsync, type Async } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { ApplicationsPanel } from './applications-panel.js';
import { EarlyWarningPanel } from './early-warning-panel.js';
import { EvaluationOverviewTab } from './evaluation-overview.js';
import { ExpertsPanel } from './experts-panel.js';
import { evaluationApi, type AutoscoreRow, type Standard, type StandardSummary } from './evaluation-api.js';

interface SubjectLine {
  code: string;
  name: string;
  points: number;
  max: number;
  vetoes: string[];
  rows: Map<string, AutoscoreRow>;
}

/** The subjects of an answer with their automatic subtotal (BASIC and BONUS points over the applicable maxima). */
function subjectsOf(rows: AutoscoreRow[], std: Standard): SubjectLine[] {
  const kinds = new Map(allItems(std).map((i) => [i.code, i.kind]));
  const out = new Map<string, SubjectLine>();
  for (const r of rows) {
    const s: SubjectLine = out.get(r.subjectCode) ?? { code: r.subjectCode, name: r.subjectName, points: 0, max: 0, vetoes: [], rows: new Map() };
    s.rows.set(r.item, r);
    if (r.veto) s.vetoes.push(r.item);
    if (r.applicable && r.points !== null) s.points += r.points;
    if (r.applicable && r.maxPoints !== null && kinds.get(r.item) === 'BASIC') s.max += r.maxPoints;
    out.set(r.subjectCode, s);
  }
  return [...out.values()].map((s) => ({ ...s, points: Math.round(s.points * 10) / 10 }));
}

/** /evaluation: the applications of a cycle, and the automatic scores of a standard. */
export function EvaluationPage() {
  const { t } = useI18n();
  const [params, update] = useQueryParams();
  const standards = useAsync('standards', () => evaluationApi.standards());
  const user = useUser();
  const nation = user.scopeLevel === 0 && (user.role === 'AREA_ADMIN' || user.role === 'SYSTEM_ADMIN');
  const tab = ['overview', 'autoscore', 'warning', ...(nation ? ['experts'] : [])].includes(params.get('tab') ?? '') ? params.get('tab')! : 'applications';
  return (
    <div>
      <PageTitle>{t('nav.evaluation')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k })}
        items={[
          { key: 'applications', label: t('eval.tab.applications'), children: <Card size="small"><ApplicationsPanel cycle={params.get('cycle')} onCycle={(c) => update({ cycle: c })} standards={standards.data?.items ?? []} /></Card> },
          { key: 'overview', label: t('eval.tab.overview'), children: <EvaluationOverviewTab area={user.scopeLevel === null || user.scopeLevel === 0 ? 'CN' : user.scopeCode} /> },
          { key: 'autoscore', label: t('eval.tab.autoscore'), children: <AutoscoreView standards={standards} /> },
          { key: 'warning', label: t('eval.tab.warning'), children: <Card size="small"><EarlyWarningPanel standard={params.get('standard') ?? 'DEMO_COUNTY'} /></Card> },
          ...(nation ? [{ key: 'experts', label: t('eval.tab.experts'), children: <Card size="small"><ExpertsPanel /></Card> }] : []),
        ]}
      />
    </div>
  );
}

function AutoscoreView({ standards }: { standards: Async<{ items: StandardSummary[] }> }) {
  const user = useUser();
  const { t, pick } = useI18n();
  const [params, update] = useQueryParams();
  const code = params.get('standard') ?? standards.data?.items[0]?.code ?? null;
  const period = periodOr(params.get('period'), 'figures');
  const own = user.scopeLevel === null || user.scopeLevel === 0 ? 'CN' : user.scopeCode;
  const area = params.get('area') || own;
  const std = useAsync(code, () => evaluationApi.standard(code!));
  const scores = useAsync(code ? `${code}|${period}|${area}` : null, () => evaluationApi.autoscore(code!, period, area));
  const [open, setOpen] = useState<SubjectLine | null>(null);
  const lines = useMemo(() => (scores.data && std.data ? subjectsOf(scores.data.rows, std.data) : []), [scores.data, std.data]);
  const autoItems = std.data ? allItems(std.data).filter(isAutomatic) : [];

  const columns: TableColumnsType<SubjectLine> = [
    { title: t('eval.subject'), dataIndex: 'name', fixed: 'left', width: 150, render: (name: string, s) => <a onClick={() => setOpen(s)} data-testid="eval-subject">{name}</a> },
    {
      title: t('eval.autoPoints'),
      key: 'points',
      width: 120,
      sorter: (a, b) => a.points / (a.max || 1) - b.points / (b.max || 1),
      defaultSortOrder: 'ascend',
      render: (_, s) => (
        <span data-testid="eval-points">
          {s.points} / {s.max}
        </span>
      ),
    },
    {
      title: t('eval.vetoes'),
      key: 'vetoes',
      width: 90,
      render: (_, s) => (s.vetoes.length ? s.vetoes.map((v) => <Tag color="red" key={v}>{v}</Tag>) : <Typography.Text type="secondary">{t('eval.none')}</Typography.Text>),
    },
    ...autoItems.map((it) => ({
      title: it.code,
      key: it.code,
      width: 64,
      align: 'right' as const,
      render: (_: unknown, s: SubjectLine) => {
        const r = s.rows.get(it.code);
        if (!r || !r.applicable) return <Typography.Text type="secondary">–</Typography.Text>;
        if (it.kind === 'VETO') return r.veto ? <Tag color="red">✕</Tag> : '✓';
        return r.points;
      },
    })),
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
            <Select
              value={code ?? undefined}
              style={{ width: 300 }}
              loading={standards.loading}
              onChange={(v) => update({ standard: v })}
              options={(standards.data?.items ?? []).map((s) => ({ value: s.code, label: pick(s.name) }))}
              data-testid="eval-standard"
              aria-label={t('eval.standard')}
            />
            <PeriodSelect data-testid="eval-period" value={period} onChange={(p) => update({ period: p })} />
      </Space>
      <ErrorAlert error={standards.error ?? std.error} style={{ marginBottom: 12 }} />
      <Row gutter={[12, 12]}>
        <Col xs={24}>
          <Card
            size="small"
            title={t('eval.scores')}
            extra={<DivisionSelect value={area === 'CN' ? null : area} onChange={(c) => update({ area: c })} style={{ width: 200 }} placeholder={t('eval.area')} allowClear data-testid="eval-area" />}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('eval.autoPointsHint')} {scores.data ? t('eval.subjects', { n: scores.data.subjects }) : ''}
            </Typography.Paragraph>
            <ErrorAlert error={scores.error} onRetry={scores.reload} style={{ marginBottom: 8 }} />
            <Table<SubjectLine>
              size="small"
              rowKey="code"
              columns={columns}
              dataSource={lines}
              loading={scores.loading}
              scroll={{ x: 360 + autoItems.length * 64 }}
              pagination={{ defaultPageSize: 20, showSizeChanger: true }}
              data-testid="eval-scores"
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={std.data ? pick(std.data.name) : t('eval.standard')} data-testid="eval-standard-card">
            {std.data ? (
              <>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t('eval.passLine', { scale: std.data.scale, pass: std.data.passLine })}
                  {std.data.note ? ` · ${pick(std.data.note)}` : ''}
                </Typography.Paragraph>
                <ItemsTable std={std.data} />
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={520} title={open?.name} data-testid="eval-detail">
        {open && std.data ? <SubjectDetail line={open} items={autoItems} /> : null}
      </Drawer>
    </div>
  );
}

function modeRule(it: StandardItem, t: ReturnType<typeof useI18n>['t'], pick: ReturnType<typeof useI18n>['pick']): string {
  const m = it.mode;
  if (m.type === 'INDICATOR_BANDS') return m.bands.map((b) => `≥${formatPercent(b.min, 0)} → ${b.points}`).join('；');
  if (m.type === 'INDICATOR_LINEAR') return `${formatPercent(m.from, 0)} → 0，${formatPercent(m.to, 0)} → ${it.max}`;
  if (m.type === 'COMPLETENESS_BELOW') return `< ${formatPercent(m.threshold, 0)}`;
  return it.evidence.map((e) => pick(e)).join('、') || (it.guide ? pick(it.guide) : t('eval.none'));
}

function ItemsTable({ std }: { std: Standard }) {
  const { t, pick } = useI18n();
  return (
    <Table<StandardItem & { section: string }>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={std.sections.flatMap((s) => s.items.map((i) => ({ ...i, section: pick(s.name) })))}
      data-testid="eval-items"
      columns={[
        { title: t('eval.item'), key: 'name', render: (_, i) => `${i.code} ${pick(i.name)}` },
        { title: t('eval.mode'), key: 'mode', width: 130, render: (_, i) => t(`eval.mode.${i.mode.type}` as MessageKey) },
        { title: t('eval.max'), dataIndex: 'max', width: 56, align: 'right', render: (v?: number) => v ?? '—' },
        { title: t('eval.rule'), key: 'rule', render: (_, i) => modeRule(i, t, pick) },
      ]}
    />
  );
}

function SubjectDetail({ line, items }: { line: SubjectLine; items: StandardItem[] }) {
  const { t, pick } = useI18n();
  return (
    <Descriptions column={1} size="small" bordered>
      {items.map((it) => {
        const r = line.rows.get(it.code);
        const how = !r || !r.applicable
          ? t('eval.na')
          : [
              t('eval.explain', { n: r.numerator ?? '–', d: r.denominator ?? '–', v: formatPercent(r.value) }),
              it.mode.type === 'INDICATOR_BANDS' ? (r.band === null ? t('eval.noBand') : t('eval.band', { n: r.band + 1 })) : null,
              it.kind === 'VETO' ? (r.veto ? t('eval.vetoFired') : '✓') : `${r.points} / ${r.maxPoints}`,
            ]
              .filter(Boolean)
              .join(' · ');
        return (
          <Descriptions.Item key={it.code} label={`${it.code} ${pick(it.name)}`}>
            <span data-testid={`eval-detail-${it.code}`}>{how}</span>
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
