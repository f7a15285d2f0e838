/**
 * An administrator resets a user's password to a temporary one: the user must change it at the
 * next login, and their sessions end now. The password is checked as typed against the policy.
 */
import { Alert, Form, Modal } from 'antd';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useFormModal } from '../../shared/use-form-modal.js';
import { userApi, type UserDto } from './identity-api.js';
import { NewPasswordItem } from './password-fields.js';

export function UserPasswordModal(props: { open: boolean; user?: UserDto | null; onClose: () => void; onReset: (u: UserDto) => void }) {
  const { t } = useI18n();
  const user = props.user;
  const { form, error, submit, clearError, modalProps } = useFormModal<{ password: string }>({
    open: props.open && !!user,
    fields: ['password'],
    save: async ({ password }) => {
      if (user) props.onReset((await userApi.resetPassword(user.username, password)).user);
    },
  });

  return (
    <Modal
      {...modalProps}
      title={user ? t('user.resetTitle', { name: user.displayName || user.username }) : null}
      okText={t('user.resetPassword')}
      okButtonProps={{ danger: true, 'data-testid': 'user-reset-ok' }}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      width={480}
    >
      <Form form={form} layout="vertical" name="user-reset" requiredMark={false} onFinish={submit} onValuesChange={clearError}>
        <Alert type="warning" showIcon title={t('user.resetNote')} style={{ margin: '16px 0' }} />
        <ErrorAlert error={error} style={{ marginBottom: 16 }} data-testid="user-reset-error" />
        <NewPasswordItem name="password" label={t('user.tempPassword')} username={user?.username} testId="user-reset-password" />
      </Form>
    </Modal>
  );
}
