/** The head of a fund batch — fund, year, 提前/正式下达, document number — as the allocation page and the by-project form both ask for it. */
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useL } from '../supervision/lights.js';
import { serverYear } from './projects-api.js';

export interface BatchHead {
  fund: string;
  year: number;
  kind: 'ADVANCE' | 'FORMAL';
  docNo: string;
}

export function useBatchHead(): [BatchHead, (patch: Partial<BatchHead>) => void] {
  const [head, setHead] = useState<BatchHead>({ fund: '中央财政中医药服务能力建设资金', year: serverYear(), kind: 'FORMAL', docNo: '' });
  return [head, (patch) => setHead((h) => ({ ...h, ...patch }))];
}

export function BatchHeadFields({ head, set, docTestId }: { head: BatchHead; set: (patch: Partial<BatchHead>) => void; docTestId: string }) {
  const L = useL();
  return (
    <>
      <Form.Item label={L('资金名称', 'Fund')}><Input value={head.fund} onChange={(e) => set({ fund: e.target.value })} /></Form.Item>
      <Space wrap>
        <Form.Item label={L('年度', 'Year')}><InputNumber value={head.year} onChange={(v) => set({ year: v ?? head.year })} style={{ width: 90 }} /></Form.Item>
        <Form.Item label={L('批次', 'Kind')}>
          <Select value={head.kind} onChange={(kind) => set({ kind })} style={{ width: 120 }} options={[{ value: 'ADVANCE', label: L('提前下达', 'Advance') }, { value: 'FORMAL', label: L('正式下达', 'Formal') }]} />
        </Form.Item>
        <Form.Item label={L('文号', 'Document number')}><Input value={head.docNo} onChange={(e) => set({ docNo: e.target.value })} data-testid={docTestId} style={{ width: 200 }} placeholder="云财社〔2025〕12号" /></Form.Item>
      </Space>
    </>
  );
}
