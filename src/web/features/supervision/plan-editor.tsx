/**
 * A new work plan: paste a policy text (or open a TXT/DOCX), see its numbered items as a tree,
 * fix it (edit, re-level, merge into the item above, split, delete), then save the draft and publish.
 */
import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, MergeCellsOutlined, ScissorOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../shared/api.js';
import { useI18n } from '../../shared/i18n.js';
import { supervisionApi, type WorkPointView } from './supervision-api.js';
import { useL } from './lights.js';

/** Paths from levels and numbers (the server recomputes them the same way). */
export function withPaths(items: WorkPointView[]): WorkPointView[] {
  const stack: string[] = [];
  return items.map((i) => {
    const level = Math.max(1, Math.min(i.level, stack.length + 1));
    stack.length = level - 1;
    stack.push(i.number);
    return { ...i, level, path: stack.join('/') };
  });
}

export function PlanEditor({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const L = useL();
  const { lang } = useI18n();
  const [text, setText] = useState('');
  const [items, setItems] = useState<WorkPointView[] | null>(null);
  const [title, setTitle] = useState('');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [office, setOffice] = useState('');
  const [cadence, setCadence] = useState<'monthly' | 'quarterly'>('quarterly');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parse = async (t = text) => {
    setError(null);
    try {
      const r = await supervisionApi.parse(t);
      setItems(r.items);
      if (!r.items.length) setError(L('文中没有找到编号的工作要点（一、（一）1. 一是 …）', 'No numbered work points found'));
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const openFile = async (file: File) => {
    setError(null);
    try {
      const r = await supervisionApi.parseFile(file);
      setText(r.text);
      setItems(r.items);
      if (!title) setTitle(file.name.replace(/\.[^.]+$/, ''));
    } catch (e) {
      setError(errorText(e, lang));
    }
    return false;
  };
  const change = (k: number, patch: Partial<WorkPointView>) => setItems((xs) => withPaths(xs!.map((x, i) => (i === k ? { ...x, ...patch } : x))));
  const merge = (k: number) => setItems((xs) => withPaths(xs!.flatMap((x, i) => (i === k - 1 ? [{ ...x, text: `${x.text}\n${xs![k]!.number}${xs![k]!.text}` }] : i === k ? [] : [x]))));
  const split = (k: number) =>
    setItems((xs) => {
      const x = xs![k]!;
      const at = x.text.indexOf('。');
      if (at < 0 || at === x.text.length - 1) return xs;
      const rest = x.text.slice(at + 1);
      return withPaths([...xs!.slice(0, k), { ...x, text: x.text.slice(0, at + 1) }, { number: `${x.number}-2`, level: x.level, path: '', title: rest.split('。')[0]!, text: rest }, ...xs!.slice(k + 1)]);
    });
  const remove = (k: number) => setItems((xs) => withPaths(xs!.filter((_, i) => i !== k)));

  const save = async (publish: boolean) => {
    if (!items?.length || !title.trim()) return setError(L('请填写计划名称，并解析出工作要点', 'Give the plan a title and parse its items'));
    setBusy(true);
    setError(null);
    try {
      const { plan } = await supervisionApi.createPlan({ title, year, office: office || null, text, items });
      if (publish) await supervisionApi.publish(plan.id, { cadence });
      onCreated(plan.id);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} width={1100} title={L('新建工作计划（从政策文本）', 'New work plan (from a policy text)')} footer={null} destroyOnHidden data-testid="plan-editor">
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={L('计划名称', 'Title')}>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} style={{ width: 280 }} data-testid="plan-title" />
        </Form.Item>
        <Form.Item label={L('年度', 'Year')}>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => setYear(Number(v))} data-testid="plan-year" />
        </Form.Item>
        <Form.Item label={L('牵头处室', 'Office')}>
          <Input value={office} onChange={(e) => setOffice(e.target.value)} style={{ width: 140 }} placeholder={L('如：医政司', 'e.g. 医政司')} />
        </Form.Item>
        <Form.Item label={L('进展报送', 'Reports')}>
          <Select value={cadence} onChange={setCadence} style={{ width: 100 }} options={[{ value: 'monthly', label: L('每月', 'Monthly') }, { value: 'quarterly', label: L('每季度', 'Quarterly') }]} />
        </Form.Item>
      </Form>
      {items === null ? (
        <>
          <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={14} placeholder={L('粘贴政策文本（如工作要点、实施方案），或打开 TXT / DOCX / PDF 文件', 'Paste a policy text, or open a TXT / DOCX / PDF file')} data-testid="plan-text" />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void parse()} disabled={!text.trim()} data-testid="plan-parse">
              {L('解析要点', 'Parse')}
            </Button>
            <Upload accept=".txt,.docx,.pdf" showUploadList={false} beforeUpload={(f) => openFile(f)}>
              <Button>{L('打开文件（TXT、DOCX、PDF）', 'Open a file (TXT, DOCX, PDF)')}</Button>
            </Upload>
          </Space>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {L(`共 ${items.length} 项。请核对：可修改编号和标题、调整层级、并入上一项、按句拆分或删除；发布后每个一级要点成为一项任务。`, `${items.length} items. Check them: edit, re-level, merge into the item above, split, delete; on publishing each level-1 item becomes a task.`)}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            dataSource={items}
            pagination={false}
            scroll={{ y: 420 }}
            data-testid="plan-items"
            columns={[
              { title: L('层级', 'Level'), width: 70, render: (_, x) => <span style={{ paddingLeft: (x.level - 1) * 12 }}>{x.level}</span> },
              { title: L('编号', 'Number'), width: 110, render: (_, x, k) => <Input size="small" value={x.number} onChange={(e) => change(k, { number: e.target.value })} /> },
              { title: L('标题', 'Title'), render: (_, x, k) => <Input size="small" value={x.title} onChange={(e) => change(k, { title: e.target.value })} /> },
              { title: L('路径', 'Path'), width: 120, dataIndex: 'path' },
              {
                title: L('操作', 'Actions'),
                width: 190,
                render: (_, x, k) => (
                  <Space size={2}>
                    <Button size="small" icon={<ArrowLeftOutlined />} title={L('升一级', 'Level up')} disabled={x.level === 1} onClick={() => change(k, { level: x.level - 1 })} />
                    <Button size="small" icon={<ArrowRightOutlined />} title={L('降一级', 'Level down')} disabled={k === 0} onClick={() => change(k, { level: x.level + 1 })} />
                    <Button size="small" icon={<MergeCellsOutlined />} title={L('并入上一项', 'Merge into the item above')} disabled={k === 0} onClick={() => merge(k)} />
                    <Button size="small" icon={<ScissorOutlined />} title={L('在第一句后拆分', 'Split after the first sentence')} onClick={() => split(k)} />
                    <Button size="small" danger icon={<DeleteOutlined />} title={L('删除', 'Delete')} onClick={() => remove(k)} />
                  </Space>
                ),
              },
            ]}
            expandable={{ expandedRowRender: (x) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{x.text}</Typography.Paragraph> }}
          />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => setItems(null)}>{L('返回修改文本', 'Back to the text')}</Button>
            <Button loading={busy} onClick={() => void save(false)} data-testid="plan-save">
              {L('保存草稿', 'Save draft')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void save(true)} data-testid="plan-publish">
              {L('发布为任务', 'Publish as tasks')}
            </Button>
          </Space>
        </>
      )}
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="plan-error" /> : null}
    </Modal>
  );
}
