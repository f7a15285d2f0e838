/**
 * /quality (数据质量核查): what no single form catches, across a county's reports for a year —
 * rule breaks in stored values, outliers among facilities of a type, jumps from last year — each
 * linking to its report; by county when a city is chosen; the whole list to Excel.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FACILITY_TYPE_NAMES, FACILITY_TYPES, type FacilityType } from '../../../domain/facility.js';
import { levelOfCode } from '../../../domain/org-unit.js';
import { useUser } from '../../app/auth.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { saveBlob } from '../../shared/download.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { PeriodSelect, periodOr } from '../../shared/period-select.js';
import { SecondaryLine } from '../../shared/secondary-line.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { ReportStatusTag } from '../data-entry/report-status-tag.js';
import { qualityApi, type QualityAnswer, type QualityFindingView } from './approval-api.js';

type Kind = QualityFindingView['kind'];
const KINDS: Kind[] = ['rule', 'outlier', 'jump'];
const KIND_COLORS: Record<Kind, string> = { rule: 'red', outlier: 'orange', jump: 'blue' };

/** A code's level (1 province … 5 village), 0 for the nation or anything else. */
const levelOf = (code: string) => levelOfCode(code) ?? 0;

const fmt = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v * 100) / 100));

export function QualityPage() {
  const user = useUser();
  const { t, pick, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [params, update] = useQueryParams();
  const period = periodOr(params.get('period'), 'collecting');
  const own = user.scopeLevel === null || user.scopeLevel === 0 ? null : user.scopeCode;
  const area = params.get('area') || (own && levelOf(own) >= 2 ? own : null);
  const type = (params.get('type') as FacilityType | null) || undefined;
  const kind = (params.get('kind') as Kind | null) || undefined;
  const comparable = area !== null && levelOf(area) >= 2;
  const query = { period, area: area ?? undefined, type, kind };
  const review = useAsync(comparable ? JSON.stringify(query) : null, () => qualityApi.review(query));
  const data = review.data;
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await qualityApi.file(query);
      saveBlob(blob, fileName ?? 'quality.xlsx');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<QualityFindingView> = [
    { title: t('qual.kind'), dataIndex: 'kind', width: 92, render: (k: Kind) => <Tag color={KIND_COLORS[k]}>{t(`qual.kind.${k}` as MessageKey)}</Tag> },
    {
      title: t('qual.where'),
      key: 'where',
      width: 120,
      render: (_, f) => (
        <div style={{ lineHeight: 1.3 }}>
          <div>{f.countyName}</div>
          <SecondaryLine>{f.townshipName ?? ''}</SecondaryLine>
        </div>
      ),
    },
    {
      title: t('fac.name'),
      key: 'facility',
      width: 230,
      render: (_, f) => (
        <div style={{ lineHeight: 1.3 }}>
          <Link to={`/entry?facility=${encodeURIComponent(f.facilityCode)}&period=${encodeURIComponent(period)}`} data-testid="quality-report-link">
            {f.facilityName}
          </Link>
          <SecondaryLine>
            {f.facilityCode} · {pick(FACILITY_TYPE_NAMES[f.facilityType], f.facilityType)}
          </SecondaryLine>
        </div>
      ),
    },
    { title: t('qual.element'), key: 'element', width: 170, render: (_, f) => pick(f.elementName) },
    { title: t('qual.value'), dataIndex: 'value', width: 90, align: 'right', render: fmt },
    { title: t('qual.reference'), dataIndex: 'reference', width: 90, align: 'right', render: fmt },
    { title: t('qual.note'), key: 'note', width: 280, render: (_, f) => (lang === 'zh' ? f.message : f.messageEn) },
    { title: t('entry.status'), dataIndex: 'status', width: 110, render: (_, f) => <ReportStatusTag status={f.status} /> },
  ];

  return (
    <div>
      <PageTitle
        extra={
          <Space wrap>
            <Typography.Text>{t('entry.period')}</Typography.Text>
            <PeriodSelect data-testid="quality-period" value={period} onChange={(p) => update({ period: p })} />
            <Button icon={<DownloadOutlined />} loading={busy} disabled={!comparable} onClick={() => void download()} data-testid="quality-export">
              {t('qual.export')}
            </Button>
          </Space>
        }
      >
        {t('nav.quality')}
      </PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[12, 8]}>
          <span>
            <Typography.Text style={{ marginInlineEnd: 8 }}>{t('qual.area')}</Typography.Text>
            <DivisionSelect value={area} onChange={(code) => update({ area: code })} style={{ width: 240 }} data-testid="quality-area" placeholder={t('qual.pickArea')} />
          </span>
          <Select<FacilityType | ''>
            value={type ?? ''}
            style={{ width: 180 }}
            onChange={(v) => update({ type: v || undefined })}
            options={[{ value: '', label: t('qual.allTypes') }, ...FACILITY_TYPES.map((ft) => ({ value: ft, label: pick(FACILITY_TYPE_NAMES[ft], ft) }))]}
            data-testid="quality-type"
            aria-label={t('fac.type')}
          />
          <Select<Kind | ''>
            value={kind ?? ''}
            style={{ width: 150 }}
            onChange={(v) => update({ kind: v || undefined })}
            options={[{ value: '', label: t('qual.allKinds') }, ...KINDS.map((k) => ({ value: k, label: t(`qual.kind.${k}` as MessageKey) }))]}
            data-testid="quality-kind"
            aria-label={t('qual.kind')}
          />
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('qual.explain')}
        </Typography.Paragraph>
      </Card>
      {!comparable ? <Alert type="info" showIcon title={t('qual.pickArea')} description={t('qual.pickAreaHint')} data-testid="quality-pick" /> : null}
      <ErrorAlert error={review.error} onRetry={review.reload} style={{ marginBottom: 12 }} />
      {comparable && data ? <Summary data={data} onKind={(k) => update({ kind: k })} onCounty={(code) => update({ area: code })} /> : null}
      {comparable ? (
        <Card size="small" style={{ marginTop: 12 }}>
          {data?.truncated ? <Alert type="warning" showIcon title={t('qual.truncated', { n: data.findings.length })} style={{ marginBottom: 8 }} /> : null}
          <Table<QualityFindingView>
            size="small"
            rowKey={(f) => `${f.kind}|${f.facilityCode}|${f.element}|${f.rule ?? ''}`}
            columns={columns}
            dataSource={data?.findings ?? []}
            loading={review.loading}
            scroll={{ x: 1240 }}
            pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (n) => t('qual.total', { n: formatNumber(n) }) }}
            locale={{ emptyText: t('qual.none') }}
            data-testid="quality-findings"
          />
        </Card>
      ) : null}
    </div>
  );
}

function Summary({ data, onKind, onCounty }: { data: QualityAnswer; onKind: (k: Kind) => void; onCounty: (code: string) => void }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={data.counties.length > 1 ? 10 : 24}>
        <Card size="small" style={{ height: '100%' }}>
          <Row gutter={12}>
            {KINDS.map((k) => (
              <Col span={8} key={k}>
                <a onClick={() => onKind(k)} data-testid={`quality-count-${k}`}>
                  <Statistic title={t(`qual.kind.${k}` as MessageKey)} value={data.counts[k]} />
                </a>
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('qual.reviewed', { area: data.area.name, n: formatNumber(data.reports), period: data.period, previous: data.previousPeriod })}
          </Typography.Text>
        </Card>
      </Col>
      {data.counties.length > 1 ? (
        <Col xs={24} lg={14}>
          <Card size="small" title={t('qual.byCounty')}>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ y: 180 }}
              dataSource={data.counties}
              data-testid="quality-counties"
              columns={[
                { title: t('qual.county'), dataIndex: 'name', render: (name: string, c) => <a onClick={() => onCounty(c.code)}>{name}</a> },
                ...KINDS.map((k) => ({ title: t(`qual.kind.${k}` as MessageKey), dataIndex: k, width: 90, align: 'right' as const })),
              ]}
            />
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
