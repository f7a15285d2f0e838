/**
 * The header's right side: who is logged in (name, role, scope), the language, 修改密码 and
 * logout. Below the `lg` breakpoint (tablets, phones) it folds into one menu under the user icon.
 */
import { DownOutlined, LockOutlined, LogoutOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Grid, Space, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { ROLE_NAMES } from '../../domain/user.js';
import { PasswordChangeModal } from '../features/identity/password-change.js';
import { useI18n } from '../shared/i18n.js';
import { LanguageSwitch } from '../shared/language-switch.js';
import { useAuth, useUser } from './auth.js';

export function UserMenu() {
  const user = useUser();
  const { logout } = useAuth();
  const { t, pick, lang, setLang } = useI18n();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  const wide = Grid.useBreakpoint().lg !== false;
  const name = user.displayName || user.username;
  const role = pick(ROLE_NAMES[user.role], user.role);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div style={{ lineHeight: 1.5, padding: '2px 0' }}>
          <Typography.Text strong>{name}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {role} · {user.scopeName}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'lang', icon: <TranslationOutlined />, label: t('lang.switch') },
    { key: 'password', icon: <LockOutlined />, label: <span data-testid="change-password">{t('password.change')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('nav.logout')}</span> },
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'lang') setLang(lang === 'zh' ? 'en' : 'zh');
    else if (key === 'password') setChanging(true);
    else if (key === 'logout') void logout();
  };

  return (
    <>
      {wide ? (
        <Space size={12} data-testid="current-user">
          <UserOutlined style={{ color: 'rgba(255,255,255,0.85)' }} />
          <span style={{ color: '#fff' }}>{name}</span>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {role}
          </Tag>
          <Tooltip title={user.scopeCode}>
            <span style={{ color: 'rgba(255,255,255,0.85)' }}>{user.scopeName}</span>
          </Tooltip>
          <LanguageSwitch dark />
          <Button size="small" ghost icon={<LockOutlined />} onClick={() => setChanging(true)} data-testid="change-password">
            {t('password.change')}
          </Button>
          <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
            {t('nav.logout')}
          </Button>
        </Space>
      ) : (
        <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} placement="bottomRight">
          <Button size="small" ghost icon={<UserOutlined />} aria-label={name} data-testid="current-user">
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      )}
      <PasswordChangeModal
        open={changing}
        onClose={() => setChanging(false)}
        onChanged={() => {
          setChanging(false);
          message.success(t('password.changed'));
        }}
      />
    </>
  );
}
