/**
 * The on-site sample of a cycle on the 创建申报 tab: the tag beside each sampled unit (why it was
 * drawn, how far its checklist is), and for the nation the draw — every risky unit plus a number
 * at random, with an optional seed.
 */
import { App as AntApp, Button, Form, InputNumber, Modal, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../shared/api.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { reviewApi, type SampleDto } from './evaluation-api.js';

export function SampleTag({ s }: { s: SampleDto | undefined }) {
  const { t } = useI18n();
  if (!s) return null;
  return (
    <Tooltip title={s.detail}>
      <Link to={`/evaluation/applications/${s.applicationId}/onsite`}>
        <Tag color={s.reasons.includes('RANDOM') ? 'blue' : 'volcano'} data-testid="eval-sampled">
          {t('eval.onsite')} · {s.reasons.map((r) => t(`eval.reason.${r}` as MessageKey)).join('、')} · {t('eval.onsiteProgress', { done: s.checked, all: s.items })}
        </Tag>
      </Link>
    </Tooltip>
  );
}

export function DrawSampleButton({ cycle, onDrawn }: { cycle: string; onDrawn: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ random: number; seed?: number }>();
  const draw = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await reviewApi.drawSample(cycle, { random: v.random, seed: v.seed ?? undefined });
      message.success(t('eval.drawn', { n: r.items.length }));
      setOpen(false);
      onDrawn();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="eval-draw">{t('eval.drawSample')}</Button>
      <Modal open={open} title={t('eval.drawSample')} onCancel={() => setOpen(false)} onOk={() => void draw()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'eval-draw-ok' } as never} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('eval.drawHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ random: 3 }}>
          <Form.Item name="random" label={t('eval.randomCount')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000} data-testid="eval-draw-random" />
          </Form.Item>
          <Form.Item name="seed" label={t('eval.seed')}>
            <InputNumber min={0} max={2147483647} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
