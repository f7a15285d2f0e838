/** /users (admins): the users within the caller's scope with their status; adding, editing and the account lifecycle. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ROLE_NAMES, type Role } from '../../../domain/user.js';
import { useAuth } from '../../app/auth.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { PagedTable, usePaging } from '../../shared/paged-table.js';
import { useAsync } from '../../shared/use-async.js';
import { userApi, type UserDto } from './identity-api.js';
import { UserActions, UserStatus } from './user-actions.js';
import { UserFormModal } from './user-form-modal.js';
import { UserPasswordModal } from './user-password-modal.js';

const ROLE_COLORS: Record<Role, string> = { SYSTEM_ADMIN: 'volcano', AREA_ADMIN: 'gold', FACILITY_REPORTER: 'blue', VIEWER: 'default' };

export function UsersPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const paging = usePaging('users');
  const { page, pageSize } = paging;
  const users = useAsync(`users|${page}|${pageSize}`, () => userApi.list(page, pageSize));
  // The open modal and its user, kept while it closes (so the title does not change); `seq` gives
  // each opening a fresh form, with none of the last user's values or the last password typed.
  const [dialog, setDialog] = useState<{ kind: 'new' | 'edit' | 'reset'; user?: UserDto; open: boolean; seq: number }>({ kind: 'new', open: false, seq: 0 });
  const openDialog = (kind: 'new' | 'edit' | 'reset', user?: UserDto) => setDialog((d) => ({ kind, user, open: true, seq: d.seq + 1 }));
  const { user: me, refresh } = useAuth();
  const close = () => setDialog((d) => ({ ...d, open: false }));
  const done = (text: string) => {
    message.success(text);
    close();
    users.reload();
  };

  const columns: TableColumnsType<UserDto> = [
    { title: t('user.username'), dataIndex: 'username', width: 120 },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 160 },
    {
      title: t('user.role'),
      dataIndex: 'role',
      width: lang === 'en' ? 150 : 120,
      render: (r: Role) => <Tag color={ROLE_COLORS[r]}>{pick(ROLE_NAMES[r], r)}</Tag>,
    },
    {
      title: t('user.scope'),
      dataIndex: 'scopeCode',
      render: (code: string, u) => (
        <span>
          {u.scopeName ?? code}{' '}
          {u.scopeName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{code}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t('user.status'), key: 'status', width: 150, render: (_, u) => <UserStatus user={u} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: lang === 'en' ? 290 : 250,
      render: (_, u) => (
        <UserActions
          user={u}
          onEdit={(x) => openDialog('edit', x)}
          onResetPassword={(x) => openDialog('reset', x)}
          onDone={users.reload}
        />
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDialog('new')} data-testid="user-add">
            {t('user.add')}
          </Button>
        }
      >
        {t('nav.users')}
      </PageTitle>
      <div style={{ background: '#fff', padding: 16, borderRadius: 8 }}>
        <PagedTable<UserDto>
          data-testid="user-table"
          rowKey="username"
          size="middle"
          columns={columns}
          data={users.data}
          loading={users.loading}
          error={users.error}
          paging={paging}
        />
      </div>
      <UserFormModal
        key={`form-${dialog.seq}`}
        open={dialog.open && dialog.kind !== 'reset'}
        user={dialog.kind === 'edit' ? dialog.user : null}
        onClose={close}
        onSaved={(u) => {
          done(t(dialog.kind === 'edit' ? 'user.saved' : 'user.created'));
          // One's own new display name shows in the header.
          if (u.username === me?.username) void refresh();
        }}
      />
      <UserPasswordModal
        key={`reset-${dialog.seq}`}
        open={dialog.open && dialog.kind === 'reset'}
        user={dialog.kind === 'reset' ? dialog.user : null}
        onClose={close}
        onReset={(u) => done(t('user.resetOk', { name: u.displayName || u.username }))}
      />
    </div>
  );
}
