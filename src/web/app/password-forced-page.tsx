/**
 * A user whose password was reset sees nothing but this form (the server refuses everything else
 * with E2009) until the password is changed; then the page they were going to appears.
 */
import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PasswordChangeForm } from '../features/identity/password-change.js';
import { useI18n } from '../shared/i18n.js';
import { useAuth, useUser } from './auth.js';
import { AuthScreen, CARD_STYLE } from './login-page.js';

/** Shows the forced change instead of any page while the logged-in user must change the password. */
export function PasswordGate({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return user?.mustChangePassword ? <PasswordForcedPage /> : <>{children}</>;
}

function PasswordForcedPage() {
  const me = useUser();
  const { logout, refresh } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <AuthScreen>
      <Card style={CARD_STYLE} data-testid="password-forced">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('password.forcedTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('password.forcedNote', { username: me.username })}</Typography.Paragraph>
        <PasswordChangeForm
          size="large"
          currentLabel={t('user.tempPassword')}
          submitText={t('password.forcedSubmit')}
          onChanged={() => {
            message.success(t('password.changed'));
            void refresh();
          }}
        />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button type="link" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
            {t('nav.logout')}
          </Button>
        </div>
      </Card>
    </AuthScreen>
  );
}
