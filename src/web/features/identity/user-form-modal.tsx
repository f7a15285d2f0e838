/**
 * A user's form. New: username, password (policy shown and checked), role, scope, display name.
 * Edit (`user` given): the username fixed, no password; display name, role and scope, the last two
 * not for one's own account (the server refuses, E2013). A new role or scope ends the user's sessions.
 */
import { ConfigProvider, Form, Input, Modal, Select } from 'antd';
import { ROLES, ROLE_NAMES, type Role } from '../../../domain/user.js';
import { useUser } from '../../app/auth.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { FacilitySelect } from '../../shared/facility-select.js';
import { useI18n } from '../../shared/i18n.js';
import { useFormModal } from '../../shared/use-form-modal.js';
import type { DivisionDto } from '../org-units/org-units-api.js';
import { userApi, type UserDto, type UserPatch } from './identity-api.js';
import { NewPasswordItem } from './password-fields.js';

interface Values {
  username: string;
  password?: string;
  role: Role;
  scopeCode: string;
  displayName?: string;
}

const FIELDS = ['username', 'password', 'role', 'scopeCode', 'displayName'] as const;

export interface UserFormModalProps {
  open: boolean;
  /** The user being edited; none for a new user. */
  user?: UserDto | null;
  onClose: () => void;
  onSaved: (u: UserDto) => void;
}

/** What changed in the form, for PATCH (nothing unchanged is sent). */
function changesOf(user: UserDto, v: Values): UserPatch {
  const patch: UserPatch = {};
  const name = v.displayName?.trim();
  if (name && name !== user.displayName) patch.displayName = name;
  if (v.role !== user.role) patch.role = v.role;
  if (v.scopeCode !== user.scopeCode) patch.scopeCode = v.scopeCode;
  return patch;
}

export function UserFormModal(props: UserFormModalProps) {
  const me = useUser();
  const { t, pick } = useI18n();
  const editing = props.user ?? null;
  const save = (v: Values) =>
    editing
      ? userApi.update(editing.username, changesOf(editing, v))
      : userApi.create({
          username: v.username.trim(),
          password: v.password ?? '',
          role: v.role,
          scopeCode: v.scopeCode,
          displayName: v.displayName?.trim() || undefined,
        });
  const { form, error, submit, clearError, modalProps } = useFormModal<Values>({
    open: props.open,
    fields: FIELDS,
    save: async (v) => props.onSaved((await save(v)).user),
  });
  const role = Form.useWatch('role', form);
  const username = Form.useWatch('username', form);
  const self = editing?.username === me.username;
  // A system administrator may give any role; an area administrator not that of a system administrator.
  const roles = me.role === 'SYSTEM_ADMIN' ? ROLES : ROLES.filter((r) => r !== 'SYSTEM_ADMIN');
  const myScope: DivisionDto[] =
    me.scopeLevel === null ? [] : [{ code: me.scopeCode, name: me.scopeName, level: me.scopeLevel ?? 0 }];

  const required = (label: string) => [{ required: true, message: t('fac.required', { field: label }) }];
  const accessExtra = editing ? (self ? t('user.selfAccess') : t('user.accessHint')) : undefined;

  return (
    <Modal
      {...modalProps}
      title={editing ? t('user.edit') : t('user.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      width={520}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        name="user-form"
        onFinish={submit}
        initialValues={
          editing
            ? { username: editing.username, displayName: editing.displayName, role: editing.role, scopeCode: editing.scopeCode }
            : { role: 'VIEWER', scopeCode: me.scopeCode }
        }
        onValuesChange={(changed) => {
          clearError();
          // A facility reporter's scope is a facility, every other role's a division: switching between them clears it.
          if ('role' in changed && (changed.role === 'FACILITY_REPORTER') !== (role === 'FACILITY_REPORTER'))
            form.setFieldValue('scopeCode', changed.role === 'FACILITY_REPORTER' ? undefined : me.scopeCode);
        }}
      >
        <ErrorAlert error={error} style={{ marginBottom: 16 }} data-testid="user-form-error" />
        <Form.Item name="username" label={t('user.username')} rules={editing ? undefined : required(t('user.username'))}>
          <Input autoComplete="off" maxLength={40} disabled={!!editing} />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        {editing ? null : <NewPasswordItem name="password" label={t('user.password')} username={username} />}
        {/* One's own role and scope are shown but cannot be changed. */}
        <ConfigProvider componentDisabled={self}>
          <Form.Item name="role" label={t('user.role')} rules={required(t('user.role'))}>
            <Select options={roles.map((r) => ({ value: r, label: pick(ROLE_NAMES[r]) }))} />
          </Form.Item>
          <Form.Item name="scopeCode" label={t('user.scope')} rules={required(t('user.scope'))} extra={accessExtra}>
            {role === 'FACILITY_REPORTER' ? (
              <FacilitySelect />
            ) : (
              <DivisionSelect fixedOptions={myScope} placeholder={t('user.scopeDivision')} />
            )}
          </Form.Item>
        </ConfigProvider>
      </Form>
    </Modal>
  );
}
