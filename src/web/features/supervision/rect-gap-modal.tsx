/** 从未达标名单生成整改清单: pick an indicator, year and level; the areas (or facilities) short of the target are listed; the chosen ones become items. */
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../shared/api.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { loadIndicators } from '../indicators/analytics-api.js';
import { useL } from './lights.js';
import { supervisionApi, type GapCandidatesAnswer } from './supervision-api.js';

type Level = 'city' | 'county' | 'township' | 'facilities';
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function GapRectModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const L = useL();
  const { lang, pick } = useI18n();
  const indicators = useAsync(open ? 'indicators' : null, () => loadIndicators());
  const [indicator, setIndicator] = useState('vc_tcm_service');
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const [level, setLevel] = useState<Level>('county');
  const [found, setFound] = useState<GapCandidatesAnswer | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [deadline, setDeadline] = useState(dayjs().add(3, 'month'));
  const [requirement, setRequirement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async () => {
    setError(null);
    setBusy(true);
    try {
      const r = await supervisionApi.gaps({ indicator, period, level });
      setFound(r);
      setChosen(r.items.map((i) => i.facilityCode ?? i.areaCode));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const create = async () => {
    setError(null);
    setBusy(true);
    try {
      await supervisionApi.fromGaps({ indicator, period, level, codes: chosen, deadline: deadline.format('YYYY-MM-DD'), requirement: requirement || undefined });
      onCreated();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} width={860} title={L('从未达标名单生成整改清单', 'Rectification items from a gap list')} footer={null} destroyOnHidden data-testid="gap-modal">
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label={L('指标', 'Indicator')}>
          <Select value={indicator} onChange={setIndicator} style={{ width: 300 }} showSearch optionFilterProp="label" data-testid="gap-indicator"
            options={(indicators.data ?? []).filter((i) => i.targets.length).map((i) => ({ value: i.code, label: pick(i.name) }))} />
        </Form.Item>
        <Form.Item label={L('年度', 'Year')}>
          <Input value={period} onChange={(e) => setPeriod(e.target.value)} style={{ width: 80 }} data-testid="gap-period" />
        </Form.Item>
        <Form.Item label={L('对象', 'Units')}>
          <Select value={level} onChange={setLevel} style={{ width: 120 }} data-testid="gap-level"
            options={[{ value: 'city', label: L('地市', 'Cities') }, { value: 'county', label: L('区县', 'Counties') }, { value: 'township', label: L('乡镇', 'Townships') }, { value: 'facilities', label: L('机构', 'Facilities') }]} />
        </Form.Item>
        <Button onClick={() => void find()} loading={busy} data-testid="gap-find">{L('查找未达标', 'Find')}</Button>
      </Form>
      {found ? (
        <>
          <Table
            size="small"
            rowKey={(i) => i.facilityCode ?? i.areaCode}
            dataSource={found.items}
            pagination={{ pageSize: 10 }}
            rowSelection={{ selectedRowKeys: chosen, onChange: (k) => setChosen(k.map(String)) }}
            data-testid="gap-candidates"
            columns={[
              { title: L('单位', 'Unit'), dataIndex: 'name' },
              { title: L('当前值', 'Value'), width: 100, render: (_, i) => pct(i.value) },
              { title: L('目标', 'Target'), width: 100, render: (_, i) => pct(i.target) },
            ]}
          />
          <Space wrap style={{ marginTop: 12 }}>
            <span>{L('整改时限', 'Deadline')}</span>
            <DatePicker value={deadline} onChange={(d) => d && setDeadline(d)} allowClear={false} data-testid="gap-deadline" />
            <Input value={requirement} onChange={(e) => setRequirement(e.target.value)} placeholder={L('整改要求（默认：指标达到目标）', 'Requirement (default: meet the target)')} style={{ width: 300 }} />
            <Button type="primary" disabled={!chosen.length} loading={busy} onClick={() => void create()} data-testid="gap-create">
              {L(`生成 ${chosen.length} 项整改`, `Create ${chosen.length} items`)}
            </Button>
          </Space>
        </>
      ) : null}
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} /> : null}
    </Modal>
  );
}
