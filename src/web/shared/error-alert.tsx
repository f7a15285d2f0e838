/** A failure as an error alert, in the UI language; nothing when there is none. */
import { Alert } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { errorText } from './api.js';
import { useI18n } from './i18n.js';

export function ErrorAlert(props: { error: unknown; style?: CSSProperties; action?: ReactNode; 'data-testid'?: string }) {
  const { lang } = useI18n();
  if (!props.error) return null;
  return <Alert type="error" showIcon title={errorText(props.error, lang)} style={props.style} action={props.action} data-testid={props['data-testid']} />;
}
