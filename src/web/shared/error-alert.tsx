/** A failure as an error alert, in the UI language, with a 重试 button when it can be retried; nothing when there is none. */
import { Alert, Button } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { errorText } from './api.js';
import { useI18n } from './i18n.js';

export interface ErrorAlertProps {
  error: unknown;
  /** Shows a retry button (small with `small`). */
  onRetry?: () => void;
  small?: boolean;
  /** Another action instead of the retry button. */
  action?: ReactNode;
  style?: CSSProperties;
  'data-testid'?: string;
}

export function ErrorAlert(props: ErrorAlertProps) {
  const { t, lang } = useI18n();
  if (!props.error) return null;
  const retry = props.onRetry ? (
    <Button size={props.small ? 'small' : undefined} onClick={props.onRetry}>
      {t('common.retry')}
    </Button>
  ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(props.error, lang)}
      style={props.style}
      action={props.action ?? retry}
      data-testid={props['data-testid']}
    />
  );
}
