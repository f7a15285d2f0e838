/** 我的待办: everything waiting for the user, across modules, with deadlines and links; and the notifications, read or unread. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../shared/error-alert.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { LightTag, useL } from './lights.js';
import { supervisionApi } from './supervision-api.js';

const KIND: Record<string, { zh: string; en: string }> = {
  report_fill: { zh: '填报', en: 'Report' }, report_returned: { zh: '退回', en: 'Returned' }, approval: { zh: '审核', en: 'Approve' }, evaluation: { zh: '评审', en: 'Review' },
  task: { zh: '任务', en: 'Task' }, task_report: { zh: '进展', en: 'Progress' }, task_verify: { zh: '销号', en: 'Verify' }, rect: { zh: '整改', en: 'Rectify' }, rect_verify: { zh: '核验', en: 'Verify' }, project: { zh: '项目', en: 'Project' }, project_funds: { zh: '资金', en: 'Funds' },
};

/** Inbox entries and unread notifications, refreshed every minute, for the header's count. */
export function useInboxCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => supervisionApi.inbox().then((r) => alive && setCount(r.count + r.unread), () => {});
    void load();
    const t = setInterval(load, 60_000);
    return () => {
      alive = false;
      clearInterval(t);
    };
  }, []);
  return count;
}

export function InboxBell() {
  const count = useInboxCount();
  const nav = useNavigate();
  const L = useL();
  return (
    <Badge count={count ?? 0} size="small" overflowCount={99} data-testid="inbox-count">
      <Button type="text" aria-label={L('我的待办', 'My inbox')} icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />} onClick={() => nav('/inbox')} data-testid="inbox-bell" />
    </Badge>
  );
}

export function InboxPage() {
  const L = useL();
  const inbox = useAsync('inbox', () => supervisionApi.inbox());
  const notes = useAsync('notifications', () => supervisionApi.notifications());
  const entries = inbox.data?.entries ?? [];
  return (
    <>
      <PageTitle>{L('我的待办', 'My inbox')}</PageTitle>
      {inbox.error ? <ErrorAlert error={inbox.error} onRetry={inbox.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={L(`待办事项（${inbox.data?.count ?? 0}）`, `Waiting for you (${inbox.data?.count ?? 0})`)}>
            {entries.length ? (
              <List
                dataSource={entries}
                data-testid="inbox-entries"
                renderItem={(e) => (
                  <List.Item extra={e.deadline ? <Typography.Text type={e.light === 'red' ? 'danger' : 'secondary'}>{L('期限', 'due')} {e.deadline}</Typography.Text> : null}>
                    <List.Item.Meta
                      title={<Space wrap size={4}><Tag>{L(KIND[e.kind]?.zh ?? e.kind, KIND[e.kind]?.en ?? e.kind)}</Tag><LightTag light={e.light === 'green' ? null : e.light} /><Link to={e.link}>{e.title}</Link></Space>}
                      description={e.detail}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={L('没有待办事项', 'Nothing waits for you')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={L(`通知（${notes.data?.unread ?? 0} 条未读）`, `Notifications (${notes.data?.unread ?? 0} unread)`)}
            extra={notes.data?.unread ? <Button size="small" onClick={async () => { await supervisionApi.markRead(); notes.reload(); }} data-testid="mark-all-read">{L('全部标为已读', 'Mark all read')}</Button> : null}
          >
            {notes.data?.items.length ? (
              <List
                size="small"
                dataSource={notes.data.items}
                data-testid="notifications"
                renderItem={(n) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<Space size={4}>{n.readAt ? null : <Badge status="processing" />}<Link to={n.link} onClick={() => void supervisionApi.markRead([n.id])}>{n.title}</Link></Space>}
                      description={<>{n.body}<br /><Typography.Text type="secondary">{n.createdAt.slice(0, 16).replace('T', ' ')}</Typography.Text></>}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={L('没有通知', 'No notifications')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
