/**
 * Changing one's own password (current, new, confirm): in a modal from the header, and as the
 * full-page form a user whose password was reset sees. The server ends the caller's other sessions.
 */
import { Button, Form, Input, Modal, Space, type FormRule } from 'antd';
import { useUser } from '../../app/auth.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useFormModal } from '../../shared/use-form-modal.js';
import { authApi } from './identity-api.js';
import { NewPasswordItem } from './password-fields.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The value must equal another field's (`equal`) or differ from it. */
const matchRule =
  (other: keyof Values, equal: boolean, message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, v: string | undefined) => {
      if (v && (v === getFieldValue(other)) !== equal) throw new Error(message);
    },
  });

export interface PasswordChangeFormProps {
  onChanged: () => void;
  /** Shown as a Cancel button beside the submit button (the modal); without it the submit button fills the width. */
  onCancel?: () => void;
  submitText?: string;
  /** The label of the current password (after a reset: the temporary password). */
  currentLabel?: string;
  size?: 'middle' | 'large';
}

export function PasswordChangeForm(props: PasswordChangeFormProps) {
  const me = useUser();
  const { t } = useI18n();
  const { form, busy, error, submit, clearError } = useFormModal<Values>({
    fields: FIELDS,
    save: async (v) => {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      props.onChanged();
    },
  });
  const currentLabel = props.currentLabel ?? t('password.current');

  const submitButton = (
    <Button type="primary" htmlType="submit" loading={busy} block={!props.onCancel} data-testid="password-submit">
      {props.submitText ?? t('password.change')}
    </Button>
  );

  return (
    <Form<Values>
      form={form}
      name="password-change"
      layout="vertical"
      requiredMark={false}
      size={props.size}
      onFinish={submit}
      onValuesChange={clearError}
    >
      <ErrorAlert error={error} style={{ marginBottom: 16 }} data-testid="password-error" />
      {/* For password managers: the account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
      <Form.Item name="currentPassword" label={currentLabel} rules={[{ required: true, message: t('fac.required', { field: currentLabel }) }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <NewPasswordItem
        name="newPassword"
        label={t('password.new')}
        username={me.username}
        testId="password-new"
        dependencies={['currentPassword']}
        extraRules={[matchRule('currentPassword', false, t('password.sameAsCurrent'))]}
      />
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('fac.required', { field: t('password.confirm') }) },
          matchRule('newPassword', true, t('password.mismatch')),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0, textAlign: props.onCancel ? 'right' : undefined }}>
        {props.onCancel ? (
          <Space>
            <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
            {submitButton}
          </Space>
        ) : (
          submitButton
        )}
      </Form.Item>
    </Form>
  );
}

/** The header's 修改密码: the form in a modal; the caller says what happens after a change (a message). */
export function PasswordChangeModal(props: { open: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={props.open} title={t('password.change')} footer={null} onCancel={props.onClose} destroyOnHidden width={440}>
      <div style={{ marginTop: 16 }} data-testid="password-modal">
        <PasswordChangeForm onCancel={props.onClose} onChanged={props.onChanged} submitText={t('common.save')} />
      </div>
    </Modal>
  );
}
