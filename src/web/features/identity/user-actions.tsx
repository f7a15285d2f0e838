/**
 * A row of the users page: the account's status, and the actions the caller may take on it —
 * those the server would refuse are not offered (one's own account: only the display name and
 * ending the sessions, E2013; a system administrator's: only for a system administrator, E2101).
 */
import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tag, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import dayjs from 'dayjs';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { userApi, type SessionUser, type UserDto } from './identity-api.js';

export const isLocked = (u: UserDto, now = Date.now()) => !!u.lockedUntil && new Date(u.lockedUntil).getTime() > now;

export function UserStatus({ user }: { user: UserDto }) {
  const { t } = useI18n();
  const tags = [];
  if (user.disabled) tags.push(<Tag key="disabled" color="red">{t('user.disabled')}</Tag>);
  if (isLocked(user))
    tags.push(
      <Tooltip key="locked" title={dayjs(user.lockedUntil).format('YYYY-MM-DD HH:mm:ss')}>
        <Tag color="orange">{t('user.locked', { time: dayjs(user.lockedUntil).format('HH:mm') })}</Tag>
      </Tooltip>,
    );
  if (user.mustChangePassword) tags.push(<Tag key="must" color="gold">{t('user.mustChange')}</Tag>);
  if (!tags.length) tags.push(<Tag key="active" color="green">{t('user.active')}</Tag>);
  return (
    <Space size={[0, 4]} wrap data-testid="user-status">
      {tags}
    </Space>
  );
}

type Action = 'disable' | 'enable' | 'unlock' | 'endSessions';

const DONE: Record<Action, MessageKey> = {
  disable: 'user.disabledOk',
  enable: 'user.enabledOk',
  unlock: 'user.unlockedOk',
  endSessions: 'user.sessionsEndedOk',
};

/** What the caller may do to this account; undefined when nothing at all. */
export function allowedActions(me: SessionUser, u: UserDto) {
  if (u.role === 'SYSTEM_ADMIN' && me.role !== 'SYSTEM_ADMIN') return undefined;
  const other = u.username !== me.username;
  return { reset: other, disable: other && !u.disabled, enable: other && !!u.disabled, unlock: other && isLocked(u), endSessions: true };
}

export interface UserActionsProps {
  user: UserDto;
  onEdit: (u: UserDto) => void;
  onResetPassword: (u: UserDto) => void;
  /** After an action succeeded (the list is reloaded). */
  onDone: () => void;
}

export function UserActions({ user, onEdit, onResetPassword, onDone }: UserActionsProps) {
  const me = useUser();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const allowed = allowedActions(me, user);
  if (!allowed) return null;
  const name = user.displayName || user.username;
  const self = user.username === me.username;

  const run = async (action: Action) => {
    try {
      await userApi[action](user.username);
      message.success(t(DONE[action], { name }));
      onDone();
    } catch (err) {
      message.error(errorText(err, lang));
    }
  };

  /** Disabling and ending sessions log the user out: say so and ask first. */
  const confirm = (action: 'disable' | 'endSessions') =>
    modal.confirm({
      title: t(action === 'disable' ? 'user.disableTitle' : 'user.endSessionsTitle', { name }),
      content:
        action === 'disable'
          ? t('user.disableConfirm')
          : `${t('user.endSessionsConfirm')}${self ? ` ${t('user.endSessionsSelf')}` : ''}`,
      okText: t(action === 'disable' ? 'user.disable' : 'user.endSessions'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'user-confirm-ok' },
      onOk: () => run(action),
    });

  const more: MenuProps['items'] = [
    allowed.endSessions && { key: 'endSessions', label: <span data-testid="user-end-sessions">{t('user.endSessions')}</span> },
    allowed.enable && { key: 'enable', label: <span data-testid="user-enable">{t('user.enable')}</span> },
    allowed.disable && { key: 'disable', danger: true, label: <span data-testid="user-disable">{t('user.disable')}</span> },
  ].filter((x) => !!x);

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'enable') void run('enable');
    else confirm(key as 'disable' | 'endSessions');
  };

  return (
    <Space size={0} data-testid="user-actions">
      <Button type="link" size="small" onClick={() => onEdit(user)} data-testid="user-edit">
        {t('common.edit')}
      </Button>
      {allowed.unlock ? (
        <Button type="link" size="small" onClick={() => void run('unlock')} data-testid="user-unlock">
          {t('user.unlock')}
        </Button>
      ) : null}
      {allowed.reset ? (
        <Button type="link" size="small" onClick={() => onResetPassword(user)} data-testid="user-reset">
          {t('user.resetPassword')}
        </Button>
      ) : null}
      <Dropdown menu={{ items: more, onClick: onMenu }} trigger={['click']}>
        <Button type="link" size="small" data-testid="user-more">
          {t('user.more')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
    </Space>
  );
}
