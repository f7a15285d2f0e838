/**
 * The new-password field of every form that sets one (new user, reset, own change): the policy
 * shown under it and checked as typed. Whether the password is common or guessable is checked by
 * the server only (E2008), whose message lands under the same field.
 */
import { Form, Input, type FormRule } from 'antd';
import { passwordMeetsPolicy } from '../../../domain/user.js';
import { useI18n } from '../../shared/i18n.js';

/** The rules the browser can check: required, the policy, and not containing the username (as the server: 3+ characters). */
export function useNewPasswordRules(label: string, username?: string): FormRule[] {
  const { t } = useI18n();
  return [
    { required: true, message: t('fac.required', { field: label }) },
    {
      validator: async (_, v: string | undefined) => {
        if (!v) return;
        if (!passwordMeetsPolicy(v)) throw new Error(t('user.passwordWeak'));
        const name = username?.trim().toLowerCase() ?? '';
        if (name.length >= 3 && v.toLowerCase().includes(name)) throw new Error(t('user.passwordHasUsername'));
      },
    },
  ];
}

export interface NewPasswordItemProps {
  name: string;
  label: string;
  username?: string;
  /** Further checks (e.g. differs from the current password) and the fields they read. */
  extraRules?: FormRule[];
  dependencies?: string[];
  testId?: string;
}

export function NewPasswordItem(props: NewPasswordItemProps) {
  const { t } = useI18n();
  const rules = [...useNewPasswordRules(props.label, props.username), ...(props.extraRules ?? [])];
  return (
    <Form.Item name={props.name} label={props.label} extra={t('user.passwordPolicy')} rules={rules} dependencies={props.dependencies}>
      <Input.Password autoComplete="new-password" data-testid={props.testId} />
    </Form.Item>
  );
}
