/**
 * 因素法分配: the factor table (from the platform's data or a CSV), the weights and the total, and
 * the resulting shares and amounts side by side — previewed by the server's exact rule (the one
 * `gtcm funds allocate` runs), then stored as a batch with its document number.
 */
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { serverToday, serverYear } from './projects-api.js';
import { loadIndicators } from '../indicators/analytics-api.js';
import { useL } from '../supervision/lights.js';
import { BatchHeadFields, useBatchHead } from './batch-head.js';
import { BAND_TEXT, fundsApi, pct, yuanText, type PreviewAnswer } from './projects-api.js';

type Source = 'FACILITIES_CHC_THC' | 'FACILITIES_VC' | 'FACILITIES_ALL' | 'ELDERLY' | 'VISITS' | 'GAP';
const SOURCES: { value: Source; zh: string; en: string }[] = [
  { value: 'FACILITIES_CHC_THC', zh: '社区卫生服务中心和乡镇卫生院数', en: 'Community and township health centres' },
  { value: 'FACILITIES_VC', zh: '村卫生室数', en: 'Village clinics' },
  { value: 'FACILITIES_ALL', zh: '基层医疗卫生机构数（含县级中医医院）', en: 'All grassroots facilities' },
  { value: 'ELDERLY', zh: '65 岁以上服务人口', en: 'Residents 65+' },
  { value: 'VISITS', zh: '基层诊疗人次', en: 'Grassroots visits' },
  { value: 'GAP', zh: '指标距目标的缺口', en: 'An indicator\'s gap to target' },
];

interface ResultRow { areaCode: string; areaName: string; factors: Record<string, string>; band: string | null; baseShare: number | null; share: number | null; amount: string | null }

interface Factor { name: string; source: Source; indicator?: string; weight: number | null }

export function AllocatePage() {
  const L = useL();
  const { lang } = useI18n();
  const user = useUser();
  const nav = useNavigate();
  const indicators = useAsync('indicators', () => loadIndicators());
  const own = user.scopeLevel === 0 ? 'CN' : user.scopeCode;
  const [level, setLevel] = useState<'province' | 'city' | 'county' | undefined>(undefined);
  const [factors, setFactors] = useState<Factor[]>([
    { name: '基层机构数', source: 'FACILITIES_CHC_THC', weight: 0.5 },
    { name: '服务人口', source: 'ELDERLY', weight: 0.3 },
    { name: '中医馆缺口', source: 'GAP', indicator: 'tcm_hall_coverage', weight: 0.2 },
  ]);
  const [table, setTable] = useState<{ columns: string[]; rows: { areaCode: string; areaName?: string; factors: Record<string, string> }[] } | null>(null);
  const [fileWeights, setFileWeights] = useState<Record<string, number | null>>({});
  const [total, setTotal] = useState('');
  const [performance, setPerformance] = useState(true);
  const [bands, setBands] = useState<Record<string, string> | null>(null);
  const [preview, setPreview] = useState<PreviewAnswer | null>(null);
  const [head, setHead] = useBatchHead();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromFile = table !== null && !factors.some((f) => table.columns.includes(f.name));
  const weightOf = (c: string) => (fromFile ? fileWeights[c] : factors.find((f) => f.name === c)?.weight) ?? 0;
  const weightSum = (table?.columns ?? []).reduce((a, c) => a + (weightOf(c) ?? 0), 0);
  const guard = async (fn: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const build = () => guard(async () => {
    const t = await fundsApi.factors({ area: own, level, factors: factors.map((f) => ({ name: f.name, source: f.source, indicator: f.source === 'GAP' ? f.indicator : undefined })) });
    setTable({ columns: t.columns, rows: t.rows });
    setPreview(null);
  });
  const upload = (file: File) => guard(async () => {
    const t = await fundsApi.factorFile(file, 'factors');
    setTable({ columns: t.columns, rows: t.rows });
    setFileWeights(Object.fromEntries(t.columns.map((c) => [c, Math.round((1 / t.columns.length) * 1e6) / 1e6])));
    setPreview(null);
  });
  const body = () => ({
    area: own,
    total,
    columns: table!.columns,
    rows: table!.rows.map((r) => ({ areaCode: r.areaCode, factors: r.factors })),
    weights: Object.fromEntries(table!.columns.map((c) => [c, String(weightOf(c))])),
    performance,
    ...(performance && bands ? { bands: bands as Record<string, 'EXCELLENT'> } : {}),
  });
  const uploadBands = (file: File) => guard(async () => {
    setBands((await fundsApi.factorFile(file, 'bands')).bands);
    setPreview(null);
  });
  const run = () => guard(async () => setPreview(await fundsApi.preview(body())));
  const store = () => guard(async () => {
    const b = await fundsApi.allocate({ ...body(), ...head });
    nav(`/projects?tab=batches&batch=${b.id}`);
  });
  const names = new Map((table?.rows ?? []).map((r) => [r.areaCode, r.areaName ?? r.areaCode]));
  return (
    <>
      <PageTitle>{L('因素法分配资金', 'Allocate by factors')}</PageTitle>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={L('1. 分配因素与权重', '1. Factors and weights')}>
            <Space wrap style={{ marginBottom: 8 }}>
              <Select value={level} onChange={setLevel} allowClear placeholder={L('分配到下一级', 'To the level below')} style={{ width: 160 }} data-testid="alloc-level"
                options={[{ value: 'city', label: L('分配到各市', 'To cities') }, { value: 'county', label: L('分配到各县', 'To counties') }]} />
            </Space>
            {factors.map((f, i) => (
              <Space key={i} wrap style={{ marginBottom: 6 }} data-testid={`factor-${i}`}>
                <Input value={f.name} onChange={(e) => setFactors((fs) => fs.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} style={{ width: 110 }} />
                <Select value={f.source} onChange={(v) => setFactors((fs) => fs.map((x, k) => (k === i ? { ...x, source: v } : x)))} style={{ width: 200 }} options={SOURCES.map((s) => ({ value: s.value, label: L(s.zh, s.en) }))} />
                {f.source === 'GAP' ? (
                  <Select value={f.indicator} onChange={(v) => setFactors((fs) => fs.map((x, k) => (k === i ? { ...x, indicator: v } : x)))} style={{ width: 180 }}
                    options={(indicators.data ?? []).filter((x) => x.targets.length && x.kind !== 'FACT').map((x) => ({ value: x.code, label: L(x.name.zh, x.name.en) }))} />
                ) : null}
                <InputNumber value={f.weight} min={0} max={1} step={0.05} onChange={(v) => setFactors((fs) => fs.map((x, k) => (k === i ? { ...x, weight: v } : x)))} style={{ width: 80 }} data-testid={`weight-${i}`} />
                <Button size="small" icon={<DeleteOutlined />} onClick={() => setFactors((fs) => fs.filter((_, k) => k !== i))} />
              </Space>
            ))}
            <Space wrap>
              <Button size="small" icon={<PlusOutlined />} onClick={() => setFactors((fs) => [...fs, { name: `因素${fs.length + 1}`, source: 'FACILITIES_VC', weight: 0 }])}>{L('加因素', 'Add a factor')}</Button>
              <Button type="primary" onClick={() => void build()} loading={busy} data-testid="build-factors">{L('从平台数据生成因素表', 'Build the table from the platform')}</Button>
              <Upload accept=".csv" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
                <Button icon={<UploadOutlined />}>{L('或上传因素表（CSV）', 'Or upload a factor CSV')}</Button>
              </Upload>
            </Space>
            {fromFile ? (
              <Space wrap style={{ marginTop: 8 }}>
                {table!.columns.map((c) => (
                  <span key={c}>{c} <InputNumber size="small" min={0} max={1} step={0.05} value={fileWeights[c]} onChange={(v) => setFileWeights((w) => ({ ...w, [c]: v }))} style={{ width: 80 }} /></span>
                ))}
              </Space>
            ) : null}
            <Typography.Paragraph type={Math.abs(weightSum - 1) > 1e-9 ? 'danger' : 'secondary'} style={{ marginTop: 8, marginBottom: 0 }} data-testid="weight-sum">
              {L(`权重合计 ${weightSum.toFixed(4)}（须为 1）`, `Weights add up to ${weightSum.toFixed(4)} (must be 1)`)}
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={L('2. 资金总额与绩效挂钩', '2. Total and performance')} style={{ marginTop: 12 }}>
            <Form layout="vertical">
              <Form.Item label={L('资金总额（元）', 'Total (yuan)')}>
                <Input value={total} onChange={(e) => setTotal(e.target.value.trim())} data-testid="alloc-total" placeholder="10000000.00" />
              </Form.Item>
              <Checkbox checked={performance} onChange={(e) => setPerformance(e.target.checked)} data-testid="alloc-performance">
                {L('按上年度绩效等级调整（优 +10%，良 0，中 −10%，差 −20%）', 'Adjust by the last performance band (优 +10%, 良 0, 中 −10%, 差 −20%)')}
              </Checkbox>
              <div style={{ marginTop: 8 }}>
                <Upload accept=".csv" showUploadList={false} beforeUpload={(f) => (void uploadBands(f), false)}>
                  <Button size="small" icon={<UploadOutlined />} disabled={!performance} data-testid="alloc-bands">{L('上传绩效等级（CSV：area_code,band）', 'Upload bands (CSV: area_code,band)')}</Button>
                </Upload>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {bands ? L(`已上传 ${Object.keys(bands).length} 个地区的等级`, `${Object.keys(bands).length} areas' bands uploaded`) : L('未上传时取各地区项目最近一次绩效自评', 'Without a file: each area\'s latest project self-evaluations')}
                </Typography.Text>
                {bands ? <Button size="small" type="link" onClick={() => setBands(null)}>{L('清除', 'Clear')}</Button> : null}
              </div>
            </Form>
            <Button type="primary" style={{ marginTop: 12 }} disabled={!table || !total} loading={busy} onClick={() => void run()} data-testid="alloc-preview">{L('计算分配方案（预览）', 'Preview the allocation')}</Button>
          </Card>
          {preview ? (
            <Card size="small" title={L('3. 确认下达', '3. Store the batch')} style={{ marginTop: 12 }}>
              <Form layout="vertical">
                <BatchHeadFields head={head} set={setHead} docTestId="alloc-doc" />
              </Form>
              <Button type="primary" disabled={!head.docNo} loading={busy} onClick={() => void store()} data-testid="alloc-store">{L('确认下达', 'Allocate')}</Button>
            </Card>
          ) : null}
          {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="alloc-error" /> : null}
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={L('因素表与分配结果', 'Factors and the result')}>
            <Table<ResultRow>
              size="small"
              rowKey="areaCode"
              data-testid="alloc-table"
              pagination={false}
              scroll={{ x: 700, y: 640 }}
              dataSource={preview ? preview.rows : (table?.rows ?? []).map((r): ResultRow => ({ ...r, areaName: names.get(r.areaCode) ?? r.areaCode, band: null, baseShare: null, share: null, amount: null }))}
              columns={[
                { title: L('地区', 'Area'), dataIndex: 'areaName', width: 110, fixed: 'left' },
                ...(table?.columns ?? []).map((c) => ({ title: c, width: 100, align: 'right' as const, render: (_: unknown, r: ResultRow) => r.factors[c] })),
                { title: L('绩效', 'Band'), width: 60, render: (_, r) => (r.band ? <Tag color={BAND_TEXT[r.band]!.color}>{L(BAND_TEXT[r.band]!.zh, BAND_TEXT[r.band]!.en)}</Tag> : '—') },
                { title: L('基础份额', 'Base share'), width: 90, render: (_, r) => (r.baseShare === null ? '' : pct(r.baseShare)) },
                { title: L('最终份额', 'Share'), width: 90, render: (_, r) => (r.share === null ? '' : `${(r.share * 100).toFixed(3)}%`) },
                { title: L('分配金额（元）', 'Amount (yuan)'), width: 140, align: 'right', render: (_, r) => (r.amount === null ? '' : <span data-testid={`amount-${r.areaCode}`}>{yuanText(r.amount)}</span>) },
              ]}
              summary={() =>
                preview ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{L('合计', 'Total')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} colSpan={(table?.columns.length ?? 0) + 3} />
                    <Table.Summary.Cell index={2} align="right"><span data-testid="alloc-sum">{yuanText(preview.rows.reduce((a, r) => a + Math.round(Number(r.amount) * 100), 0) / 100)}</span></Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
