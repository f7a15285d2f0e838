/**
 * /login: username + password. A failure shows the server's message in the UI language: one for a
 * wrong name or password and a locked or disabled account (E2002), the wait after too many
 * attempts from this address (429 E2012), or a busy server (503 E1010).
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../shared/api.js';
import { useI18n } from '../shared/i18n.js';
import { LanguageSwitch } from '../shared/language-switch.js';
import { FullPageSpin, useAuth } from './auth.js';

interface LoginForm {
  username: string;
  password: string;
}

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { user, login, expiredError } = useAuth();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (user === undefined) return <FullPageSpin />;
  if (user) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // A login error wins; otherwise say why the user was sent here mid-session (timeout, logged out elsewhere).
  const shown = error ?? expiredError;
  const message =
    shown === expiredError && expiredError?.code === 'E2001'
      ? t('login.sessionExpired')
      : shown instanceof ApiError
        ? shown.text(lang)
        : shown instanceof Error
          ? shown.message
          : shown
            ? String(shown)
            : null;

  // Too many attempts or a busy server: not the user's mistake, a wait.
  const retryLater = error instanceof ApiError && (error.status === 429 || error.status === 503);

  return (
    <AuthScreen footer={t('login.footer')}>
      <Card style={CARD_STYLE}>
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large" autoComplete="on">
          {message && (
            <Alert type={error && !retryLater ? 'error' : 'warning'} showIcon title={message} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input id="username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password id="password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </AuthScreen>
  );
}

export const CARD_STYLE: React.CSSProperties = { width: '100%', maxWidth: 380, boxShadow: '0 6px 24px rgba(20, 81, 60, 0.08)' };

/** The screen around the login card and the forced password change: brand, language switch, a footer line. */
export function AuthScreen({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  const { t, lang } = useI18n();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: '64px 16px 24px',
        background: 'linear-gradient(160deg, #e8f3ee 0%, #f6f8f7 55%, #eef4f1 100%)',
        position: 'relative',
      }}
    >
      <div style={{ position: 'absolute', top: 20, right: 24 }}>
        <LanguageSwitch />
      </div>
      <div style={{ textAlign: 'center', marginBottom: 28 }}>
        <div
          aria-hidden
          style={{
            width: 56,
            height: 56,
            borderRadius: '50%',
            background: '#1f7a5a',
            color: '#fff',
            fontSize: 28,
            fontWeight: 700,
            display: 'inline-flex',
            alignItems: 'center',
            justifyContent: 'center',
            marginBottom: 14,
          }}
        >
          医
        </div>
        {/* On a phone the name still fits one line. */}
        <Typography.Title
          level={2}
          style={{ margin: 0, color: '#14513c', letterSpacing: 'clamp(0px, 0.3vw, 2px)', fontSize: 'clamp(20px, 5.4vw, 30px)' }}
          data-testid="login-title"
        >
          基层中医药服务能力监测评价平台
        </Typography.Title>
        <Typography.Text type="secondary">{lang === 'en' ? 'Grassroots TCM Monitor · ' : ''}{t('login.subtitle')}</Typography.Text>
      </div>
      {children}
      {footer ? (
        <Typography.Text type="secondary" style={{ marginTop: 20, fontSize: 12, textAlign: 'center' }}>
          {footer}
        </Typography.Text>
      ) : null}
    </div>
  );
}
