/** Asks for a favourite's name (save as favourite, rename). */
import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../shared/api.js';
import { useI18n } from '../../shared/i18n.js';

export function AnalysisNameModal(props: { open: boolean; title: string; initial: string; onOk: (name: string) => Promise<void>; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.open) {
      setName(props.initial);
      setError(null);
    }
  }, [props.open, props.initial]);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(t('an.fav.nameRequired'));
    setBusy(true);
    try {
      await props.onOk(trimmed);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onCancel}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'an-fav-name-ok' } as never}
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('an.fav.name')} validateStatus={error ? 'error' : undefined} help={error ?? undefined} htmlFor="an-fav-name">
          <Input id="an-fav-name" data-testid="an-fav-name" autoFocus maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
