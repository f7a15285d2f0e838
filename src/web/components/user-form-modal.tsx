/** New user: username, password (policy shown and checked), role, scope, display name. */
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ROLES, ROLE_NAMES, passwordMeetsPolicy, type Role } from '../../domain/user.js';
import { errorText } from '../api.js';
import { useUser } from '../auth.js';
import { userApi, type DivisionDto, type UserDto } from '../endpoints.js';
import { applyServerError } from '../form-errors.js';
import { useI18n } from '../i18n.js';
import { DivisionSelect } from './division-select.js';
import { FacilitySelect } from './facility-select.js';

interface Values {
  username: string;
  password: string;
  role: Role;
  scopeCode: string;
  displayName?: string;
}

const FIELDS = ['username', 'password', 'role', 'scopeCode', 'displayName'] as const;

export function UserFormModal(props: { open: boolean; onClose: () => void; onSaved: (u: UserDto) => void }) {
  const me = useUser();
  const { t, pick, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const role = Form.useWatch('role', form);
  // A system administrator may create any role; an area administrator not another system administrator.
  const roles = me.role === 'SYSTEM_ADMIN' ? ROLES : ROLES.filter((r) => r !== 'SYSTEM_ADMIN');
  const myScope: DivisionDto[] =
    me.scopeLevel === null ? [] : [{ code: me.scopeCode, name: me.scopeName, level: me.scopeLevel ?? 0 }];

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { user } = await userApi.create({
        username: v.username.trim(),
        password: v.password,
        role: v.role,
        scopeCode: v.scopeCode,
        displayName: v.displayName?.trim() || undefined,
      });
      props.onSaved(user);
    } catch (err) {
      // A field the server names gets the message under it; anything else goes above the form.
      if (!applyServerError(form, err, lang, FIELDS)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => [{ required: true, message: t('fac.required', { field: label }) }];

  return (
    <Modal
      open={props.open}
      title={t('user.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => setError(null)}
      destroyOnHidden
      width={520}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        name="user-form"
        onFinish={submit}
        initialValues={{ role: 'VIEWER', scopeCode: me.scopeCode }}
        onValuesChange={(changed) => {
          if (error) setError(null);
          if ('role' in changed) form.setFieldValue('scopeCode', changed.role === 'FACILITY_REPORTER' ? undefined : me.scopeCode);
        }}
      >
        {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 16 }} data-testid="user-form-error" /> : null}
        <Form.Item name="username" label={t('user.username')} rules={required(t('user.username'))}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('user.password')}
          extra={t('user.passwordPolicy')}
          rules={[
            ...required(t('user.password')),
            { validator: async (_, v: string) => { if (v && !passwordMeetsPolicy(v)) throw new Error(t('user.passwordWeak')); } },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={required(t('user.role'))}>
          <Select options={roles.map((r) => ({ value: r, label: pick(ROLE_NAMES[r]) }))} />
        </Form.Item>
        <Form.Item name="scopeCode" label={t('user.scope')} rules={required(t('user.scope'))}>
          {role === 'FACILITY_REPORTER' ? (
            <FacilitySelect />
          ) : (
            <DivisionSelect fixedOptions={myScope} placeholder={t('user.scopeDivision')} />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
