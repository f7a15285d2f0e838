/** The frame around every page after login: header with the user, side menu, content. */
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  LineChartOutlined,
  PrinterOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
  TrophyOutlined,
  FormOutlined,
  MedicineBoxOutlined,
  PieChartOutlined,
  MenuOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
  AimOutlined,
  InboxOutlined, FundOutlined, HeartOutlined, } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space } from 'antd';
import { useState } from 'react';
import type { MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../shared/i18n.js';
import { AnalyticsWaitNotice } from '../shared/analytics-wait.js';
import { isAdmin, useUser } from './auth.js';
import { UserMenu } from './user-menu.js';
import { InboxBell } from '../features/supervision/inbox-page.js';

const { Header, Sider, Content } = Layout;

export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        width: size,
        height: size,
        borderRadius: '50%',
        background: '#ffffff',
        color: '#1f7a5a',
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontWeight: 700,
        fontSize: size * 0.5,
        flex: 'none',
      }}
    >
      医
    </span>
  );
}

export function AppLayout() {
  const user = useUser();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  // Phones and narrow tablets (< 768 px): the menu folds into a drawer behind a button, the title shortens.
  const phone = Grid.useBreakpoint().md === false;
  const [drawer, setDrawer] = useState(false);

  const officials = user.role !== 'FACILITY_REPORTER';
  const items: MenuProps['items'] = [
    { key: '/inbox', icon: <InboxOutlined />, label: t('nav.inbox') },
    ...(officials
      ? [
          { key: '/dashboard', icon: <DashboardOutlined />, label: t('nav.dashboard') },
          { key: '/indicators', icon: <BarChartOutlined />, label: t('nav.indicators') },
          { key: '/analysis', icon: <LineChartOutlined />, label: t('nav.analysis') },
          { key: '/report', icon: <PrinterOutlined />, label: t('nav.report') },
          { key: '/evaluation', icon: <TrophyOutlined />, label: t('nav.evaluation') },
          { key: '/supervision', icon: <AimOutlined />, label: t('nav.supervision') },
          { key: '/projects', icon: <FundOutlined />, label: t('nav.projects') },
          { key: '/assistance', icon: <HeartOutlined />, label: t('nav.assistance') },
        ]
      : []),
    { key: '/divisions', icon: <ApartmentOutlined />, label: t('nav.divisions') },
    { key: '/facilities', icon: <MedicineBoxOutlined />, label: t('nav.facilities') },
    // Data collection: viewers do not enter or import; facility reporters do not approve.
    ...(user.role !== 'VIEWER'
      ? [
          { key: '/entry', icon: <FormOutlined />, label: t('nav.entry') },
          { key: '/import', icon: <CloudUploadOutlined />, label: t('nav.import') },
        ]
      : []),
    { key: '/completeness', icon: <PieChartOutlined />, label: t('nav.completeness') },
    ...(user.role !== 'FACILITY_REPORTER'
      ? [
          { key: '/approval', icon: <FileDoneOutlined />, label: t('nav.approval') },
          { key: '/quality', icon: <SafetyCertificateOutlined />, label: t('nav.quality') },
        ]
      : []),
    ...(isAdmin(user)
      ? [
          { key: '/users', icon: <TeamOutlined />, label: t('nav.users') },
          { key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') },
        ]
      : []),
    { key: '/help', icon: <QuestionCircleOutlined />, label: t('nav.help') },
  ];

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      data-testid="side-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: phone ? 10 : 16, paddingInline: phone ? 10 : 20, height: 56, lineHeight: '56px' }}>
        {phone ? (
          <Button type="text" icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label={t('nav.menu')} onClick={() => setDrawer(true)} data-testid="nav-toggle" />
        ) : null}
        <Space size={10} style={{ flex: phone ? '1 1 0' : 'none', minWidth: 0 }}>
          <BrandMark size={phone ? 28 : 32} />
          <span
            style={{ color: '#fff', fontSize: phone ? 15 : 17, fontWeight: 600, letterSpacing: phone ? 0 : 1, lineHeight: '24px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' }}
            data-testid="app-title"
          >
            {phone ? t('app.shortTitle') : t('app.title')}
          </span>
        </Space>
        {phone ? null : <div style={{ flex: 1 }} />}
        <InboxBell />
        <UserMenu />
      </Header>
      <Layout>
        {phone ? (
          <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} title={t('app.shortTitle')} styles={{ body: { padding: 0 } }} data-testid="nav-drawer">
            {menu}
          </Drawer>
        ) : (
          <Sider width={200} theme="light" style={{ borderRight: '1px solid #e8ece9' }}>
            {menu}
          </Sider>
        )}
        <Content style={{ padding: phone ? 10 : 20, minWidth: 0 }}>
          {officials ? <AnalyticsWaitNotice /> : null}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
