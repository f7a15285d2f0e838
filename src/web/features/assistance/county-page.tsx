/** 定点帮扶县: one county's figures, indicators, pairings, the tours that visited it and its capacity units. */
import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { assistanceApi, type CountyPageDto } from './assistance-api.js';
import { UnitDrawer, UnitList } from './capacity-tab.js';
import { PairingList } from './pairings-tab.js';
import { TourList } from './tours-tab.js';
import { nf } from './labels.js';
import { useL } from './use-l.js';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function Indicators({ rows }: { rows: CountyPageDto['indicators'] }) {
  const L = useL();
  const { pick } = useI18n();
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const codes = [...new Set(rows.map((r) => r.indicator))];
  if (!rows.length) return <Empty description={L('暂无指标数据', 'No indicator values yet')} />;
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 360 }}
      data-testid="county-indicators"
      dataSource={codes.map((code) => ({ code, name: rows.find((r) => r.indicator === code)!.name, byPeriod: new Map(rows.filter((r) => r.indicator === code).map((r) => [r.period, r])) }))}
      columns={[
        { title: L('指标', 'Indicator'), width: 150, render: (_, r) => pick(r.name) },
        ...periods.map((p) => ({
          title: p,
          width: 70,
          align: 'right' as const,
          render: (_: unknown, r: { byPeriod: Map<string, CountyPageDto['indicators'][number]> }) => {
            const v = r.byPeriod.get(p);
            return v ? <span style={{ color: v.met === false ? '#cf1322' : undefined }}>{pct(v.value)}</span> : '—';
          },
        })),
      ]}
    />
  );
}

export function CountyPage() {
  const L = useL();
  const { code = '' } = useParams();
  const page = useAsync(`county-${code}`, () => assistanceApi.county(code));
  const [openUnit, setOpenUnit] = useState<number | null>(null);
  const d = page.data;
  const stat = (title: string, value: number, suffix?: string) => (
    <Col xs={12} sm={8} lg={6} xl={3}>
      <Card size="small"><Statistic title={title} value={value} suffix={suffix} formatter={(v) => nf(Number(v))} /></Card>
    </Col>
  );
  return (
    <>
      <PageTitle extra={<Link to="/assistance">{L('返回帮扶与能力建设', 'Back to assistance')}</Link>}>
        <Space wrap size={8}>
          <span>{d ? d.county.placeName : code}</span>
          {d?.county.designated ? <Tag color="red">{L('国家中医药管理局定点帮扶县', 'NATCM designated county')}</Tag> : null}
        </Space>
      </PageTitle>
      {page.error ? <ErrorAlert error={page.error} onRetry={page.reload} /> : null}
      {d ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[12, 12]} data-testid="county-figures">
            {stat(L('帮扶关系', 'Pairings'), d.county.pairings, L('对', ''))}
            {stat(L('派驻人员', 'Staff sent'), d.figures.staffSent, L('人次', ''))}
            {stat(L('建设专科', 'Specialties'), d.figures.specialtiesBuilt, L('个', ''))}
            {stat(L('建设诊室', 'Clinics'), d.figures.clinicsBuilt, L('个', ''))}
            {stat(L('巡回医疗', 'Tours'), d.county.tours, L('次', ''))}
            {stat(L('巡回诊疗', 'Tour visits'), d.figures.tourVisits, L('人次', ''))}
            {stat(L('巡回培训', 'Tour training'), d.figures.tourTrained, L('人次', ''))}
            {stat(L('基地培训', 'Base trainings'), d.figures.trainings, L('期', ''))}
          </Row>
          <Card size="small" title={L('指标', 'Indicators')}>
            <Indicators rows={d.indicators} />
          </Card>
          <Card size="small" title={L('对口帮扶', 'Pairings')}>
            {d.pairings.length ? <PairingList items={d.pairings} pagination={false} /> : <Empty description={L('暂无帮扶关系', 'No pairing')} />}
          </Card>
          <Card size="small" title={L('国家中医医疗队巡回医疗', 'Medical-team tours')}>
            {d.tours.length ? <TourList items={d.tours} /> : <Empty description={L('暂无巡回医疗', 'No tour')} />}
          </Card>
          <Card size="small" title={L('能力建设单位', 'Capacity units')}>
            {d.units.length ? <UnitList items={d.units} onOpen={(u) => setOpenUnit(u.id)} showKind /> : <Empty description={L('暂无', 'None')} />}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{L('含县内适宜技术推广基地、康复中心、救援队伍等。', 'Technique bases, rehabilitation centres, rescue teams in the county.')}</Typography.Paragraph>
          </Card>
        </Space>
      ) : null}
      {openUnit !== null ? <UnitDrawer unitId={openUnit} onClose={() => setOpenUnit(null)} onChanged={page.reload} /> : null}
    </>
  );
}
