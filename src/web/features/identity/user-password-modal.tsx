/**
 * An administrator resets a user's password to a temporary one: the user must change it at the
 * next login, and their sessions end now. The password is checked as typed against the policy.
 */
import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { errorText } from '../../shared/api.js';
import { applyServerError } from '../../shared/form-errors.js';
import { useI18n } from '../../shared/i18n.js';
import { userApi, type UserDto } from './identity-api.js';
import { NewPasswordItem } from './password-fields.js';

export function UserPasswordModal(props: { open: boolean; user?: UserDto | null; onClose: () => void; onReset: (u: UserDto) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const user = props.user;

  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      props.onReset((await userApi.resetPassword(user.username, password)).user);
    } catch (err) {
      if (!applyServerError(form, err, lang, ['password'])) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open && !!user}
      title={user ? t('user.resetTitle', { name: user.displayName || user.username }) : null}
      okText={t('user.resetPassword')}
      okButtonProps={{ danger: true, 'data-testid': 'user-reset-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => setError(null)}
      destroyOnHidden
      width={480}
    >
      <Form form={form} layout="vertical" name="user-reset" requiredMark={false} onFinish={submit} onValuesChange={() => error && setError(null)}>
        <Alert type="warning" showIcon title={t('user.resetNote')} style={{ margin: '16px 0' }} />
        {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 16 }} data-testid="user-reset-error" /> : null}
        <NewPasswordItem name="password" label={t('user.tempPassword')} username={user?.username} testId="user-reset-password" />
      </Form>
    </Modal>
  );
}
