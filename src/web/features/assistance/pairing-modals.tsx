/** 对口帮扶: the pairing form (create, edit), and a year's figures with its annual assessment. */
import { Alert, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { assessmentBand, BAND_NAMES, PAIRING_STATUS_NAMES, PAIRING_STATUSES } from '../../../domain/assistance/assistance.js';
import { errorText } from '../../shared/api.js';
import { FacilitySelect } from '../../shared/facility-select.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { useFormModal } from '../../shared/use-form-modal.js';
import { assistanceApi, type PairingDto } from './assistance-api.js';
import { YEAR_OPTIONS } from './labels.js';
import { useL } from './use-l.js';

/** The tertiary TCM hospitals to choose from (the country's directory). */
export function HelperSelect(props: { id?: string; value?: string; onChange?: (v: string) => void; disabled?: boolean; 'data-testid'?: string }) {
  const helpers = useAsync('helpers', () => assistanceApi.helpers());
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      showSearch
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      loading={helpers.loading}
      optionFilterProp="label"
      options={(helpers.data?.items ?? []).map((h) => ({ value: h.code, label: `${h.name}（${h.placeName}）` }))}
    />
  );
}

interface PairingForm {
  helperCode: string;
  recipientCode: string;
  startYear: number;
  endYear?: number | null;
  status: 'ACTIVE' | 'ENDED';
  content: string;
}

export function PairingModal({ pairing, open, onClose, onSaved }: { pairing: PairingDto | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const L = useL();
  const { pick } = useI18n();
  const m = useFormModal<PairingForm>({
    open,
    fields: ['helperCode', 'recipientCode', 'startYear', 'endYear', 'status', 'content'],
    save: async (v) => {
      if (pairing) await assistanceApi.updatePairing(pairing.id, { helperCode: v.helperCode, startYear: v.startYear, endYear: v.endYear ?? null, status: v.status, content: v.content ?? '' });
      else await assistanceApi.createPairing({ ...v, endYear: v.endYear ?? null, content: v.content ?? '' });
      onSaved();
    },
  });
  const initial = pairing
    ? { helperCode: pairing.helperCode, recipientCode: pairing.recipientCode, startYear: pairing.startYear, endYear: pairing.endYear, status: pairing.status, content: pairing.content }
    : { startYear: new Date().getFullYear(), status: 'ACTIVE' as const, content: '' };
  return (
    <Modal {...m.modalProps} onCancel={onClose} title={pairing ? L('编辑帮扶关系', 'Edit pairing') : L('新建对口帮扶关系', 'New pairing')} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')} data-testid="pairing-modal">
      {m.error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(m.error)} /> : null}
      <Form form={m.form} layout="vertical" initialValues={initial} onFinish={m.submit} onValuesChange={m.clearError}>
        <Form.Item name="recipientCode" label={L('受援县级中医医院', 'County TCM hospital helped')} rules={[{ required: true, message: L('请选择受援医院', 'Choose the hospital helped') }]}>
          {pairing ? <Input value={pairing.recipientName} disabled /> : <FacilitySelect type="COUNTY_TCM_HOSPITAL" browse data-testid="recipient-select" />}
        </Form.Item>
        <Form.Item name="helperCode" label={L('帮扶三级中医医院', 'Helping tertiary TCM hospital')} rules={[{ required: true, message: L('请选择帮扶医院', 'Choose the helping hospital') }]}>
          <HelperSelect data-testid="helper-select" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startYear" label={L('开始年份', 'From')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="endYear" label={L('结束年份（空为至今）', 'To (empty: ongoing)')}>
            <InputNumber min={2000} max={2100} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="status" label={L('状态', 'Status')}>
            <Select style={{ width: 110 }} options={PAIRING_STATUSES.map((s) => ({ value: s, label: pick(PAIRING_STATUS_NAMES[s]) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="content" label={L('帮扶内容', 'What the pairing does')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A year's figures (派驻人次, 专科, 诊室) and, for administrators, the year's assessment score. */
export function YearModal({ pairing, open, onClose, onSaved }: { pairing: PairingDto; open: boolean; onClose: () => void; onSaved: () => void }) {
  const L = useL();
  const { lang, pick } = useI18n();
  const years = YEAR_OPTIONS.filter((y) => y >= pairing.startYear && (pairing.endYear === null || y <= pairing.endYear));
  const [year, setYear] = useState(years[0] ?? pairing.startYear);
  const existing = pairing.years.find((y) => y.year === year);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const score = Form.useWatch('score', form) as number | null | undefined;
  const band = typeof score === 'number' ? assessmentBand(score) : null;
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await assistanceApi.saveYear(pairing.id, year, { staffSent: v.staffSent ?? 0, specialties: v.specialties ?? [], clinics: v.clinics ?? [] });
      if (typeof v.score === 'number' && (v.score !== existing?.score || (v.comment ?? null) !== (existing?.comment ?? null))) await assistanceApi.assess(pairing.id, { year, score: v.score, comment: v.comment ?? null });
      onSaved();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden title={L('年度帮扶情况与考核', 'Year’s figures and assessment')} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')} data-testid="year-modal">
      <Typography.Paragraph type="secondary">{pairing.helperName} → {pairing.recipientName}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        key={year}
        initialValues={{ staffSent: existing?.staffSent ?? 0, specialties: existing?.specialties ?? [], clinics: existing?.clinics ?? [], score: existing?.score ?? null, comment: existing?.comment ?? '' }}
      >
        <Form.Item label={L('年度', 'Year')}>
          <Select value={year} onChange={setYear} style={{ width: 120 }} options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="year-select" />
        </Form.Item>
        <Form.Item name="staffSent" label={L('派驻人员（人次）', 'Staff sent (person-times)')}>
          <InputNumber min={0} max={10_000_000} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="specialties" label={L('建设专科', 'Specialties built')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={L('输入后回车，如 针灸科', 'Type and press Enter, e.g. 针灸科')} />
        </Form.Item>
        <Form.Item name="clinics" label={L('建设诊室/工作室', 'Clinics built')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={L('如 名医工作室', 'e.g. 名医工作室')} />
        </Form.Item>
        {pairing.writable ? (
          <>
            <Form.Item name="score" label={L('年度考核得分（0–100）', 'Assessment score (0–100)')} extra={band ? `${L('等次', 'Band')}：${pick(BAND_NAMES[band])}（${L('优≥90，良80–89，中60–79，差<60', '≥90 excellent, 80–89 good, 60–79 fair, <60 poor')}）` : L('优≥90，良80–89，中60–79，差<60', '≥90 excellent, 80–89 good, 60–79 fair, <60 poor')}>
              <InputNumber min={0} max={100} step={0.5} style={{ width: 160 }} data-testid="score-input" />
            </Form.Item>
            <Form.Item name="comment" label={L('考核意见', 'Comment')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}
