/** /users (admins): the users within the caller's scope, and adding one. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_NAMES, type Role } from '../../domain/user.js';
import { errorText } from '../api.js';
import { PageTitle } from '../components/app-layout.js';
import { UserFormModal } from '../components/user-form-modal.js';
import { userApi, type UserDto } from '../endpoints.js';
import { formatNumber } from '../format.js';
import { useI18n } from '../i18n.js';

const ROLE_COLORS: Record<Role, string> = { SYSTEM_ADMIN: 'volcano', AREA_ADMIN: 'gold', FACILITY_REPORTER: 'blue', VIEWER: 'default' };

export function UsersPage() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [items, setItems] = useState<UserDto[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    let live = true;
    setError(null);
    userApi
      .list()
      .then((r) => live && setItems(r.items))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [reload]);

  const columns: TableColumnsType<UserDto> = [
    { title: t('user.username'), dataIndex: 'username', width: 160 },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 180 },
    {
      title: t('user.role'),
      dataIndex: 'role',
      width: 150,
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
    {
      title: t('user.status'),
      dataIndex: 'disabled',
      width: 100,
      render: (d?: boolean) => (d ? <Tag color="red">{t('user.disabled')}</Tag> : <Tag color="green">{t('user.active')}</Tag>),
    },
  ];

  return (
    <div>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="user-add">
            {t('user.add')}
          </Button>
        }
      >
        {t('nav.users')}
      </PageTitle>
      <div style={{ background: '#fff', padding: 16, borderRadius: 8 }}>
        {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} /> : null}
        <Table<UserDto>
          data-testid="user-table"
          rowKey="username"
          size="middle"
          columns={columns}
          dataSource={items ?? []}
          loading={items === null && !error}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.totalItems', { n: formatNumber(n) }) }}
        />
      </div>
      <UserFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          message.success(t('user.created'));
          setAdding(false);
          setReload((n) => n + 1);
        }}
      />
    </div>
  );
}
