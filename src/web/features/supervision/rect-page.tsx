/** One rectification item: the problem, requirement and deadline, the indicator's value now, completion, verification and history. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { isAdmin, useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { LightTag, STATE_TEXT, useL } from './lights.js';
import { supervisionApi } from './supervision-api.js';
import { holds } from './task-page.js';

const SOURCE: Record<string, { zh: string; en: string }> = { gap: { zh: '未达标名单', en: 'gap list' }, evaluation: { zh: '评审发现问题', en: 'review finding' }, visit: { zh: '督导检查', en: 'supervision visit' }, manual: { zh: '手工录入', en: 'by hand' } };

export function RectPage() {
  const L = useL();
  const { lang } = useI18n();
  const user = useUser();
  const id = Number(useParams().id);
  const rect = useAsync(`rect-${id}`, () => supervisionApi.rect(id));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const r = rect.data;
  if (rect.error && !r) return <ErrorAlert error={rect.error} onRetry={rect.reload} />;
  if (!r) return null;
  const admin = isAdmin(user);
  const owner = admin && holds(user.scopeCode, user.scopeLevel, r.areaCode);
  const issuer = admin && holds(user.scopeCode, user.scopeLevel, r.issuerArea);
  const act = async (fn: () => Promise<unknown>, keepText = false) => {
    setError(null);
    try {
      await fn();
      if (!keepText) setText('');
      rect.reload();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <>
      <PageTitle>{L('整改事项', 'Rectification item')}：{r.subjectName}</PageTitle>
      <Card size="small" data-testid="rect-summary">
        <Space wrap style={{ marginBottom: 8 }}>
          <LightTag light={r.light} />
          <Tag data-testid="rect-state">{L(STATE_TEXT[r.state]!.zh, STATE_TEXT[r.state]!.en)}</Tag>
          <Tag>{L(SOURCE[r.source]!.zh, SOURCE[r.source]!.en)}</Tag>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={L('问题', 'Problem')}>{r.problem}</Descriptions.Item>
          <Descriptions.Item label={L('整改要求', 'Requirement')}>{r.requirement}</Descriptions.Item>
          <Descriptions.Item label={L('整改单位', 'Owner')}>{r.areaName}</Descriptions.Item>
          <Descriptions.Item label={L('下达单位', 'Issuer')}>{r.issuerName}</Descriptions.Item>
          <Descriptions.Item label={L('整改时限', 'Deadline')}>{r.deadline}</Descriptions.Item>
          {r.indicatorName ? (
            <Descriptions.Item label={L('关联指标（实时）', 'Indicator (live)')}>
              <span data-testid="rect-live">
                {r.indicatorName}（{r.period}）：{r.live?.text ?? '—'} / {L('目标', 'target')} {r.threshold === null ? '—' : `${(r.threshold * 100).toFixed(1)}%`}{' '}
                {r.live?.met ? <Tag color="green">{L('已达标', 'met')}</Tag> : <Tag color="red">{L('未达标', 'not met')}</Tag>}
              </span>
            </Descriptions.Item>
          ) : null}
          {r.completion ? <Descriptions.Item label={L('整改情况', 'Completion')}>{r.completion}</Descriptions.Item> : null}
          {r.files.length ? (
            <Descriptions.Item label={L('佐证材料', 'Evidence')}>
              <Space direction="vertical" size={2} data-testid="rect-files">
                {r.files.map((f) => <a key={f.sha256} href={supervisionApi.rectFileUrl(r.id, f.sha256)} target="_blank" rel="noreferrer"><PaperClipOutlined /> {f.filename}</a>)}
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {r.indicatorName && r.live?.met !== true ? <Alert type="info" showIcon style={{ marginTop: 8 }} message={L('该事项关联指标，数据达标后方可销号。', 'Tied to an indicator: it closes only when the data meet the target.')} /> : null}
        {(owner && r.state === 'open') || (issuer && r.state === 'submitted') ? (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={r.state === 'open' ? L('整改完成情况', 'What was done') : L('核验意见', 'Note')} data-testid="rect-text" />
            <Space>
              {owner && r.state === 'open' ? (
                <>
                  <Upload showUploadList={false} beforeUpload={(f) => (void act(() => supervisionApi.attachToRect(r.id, f), true), false)}>
                    <Button icon={<UploadOutlined />} data-testid="rect-attach">{L('上传佐证材料', 'Attach evidence')}</Button>
                  </Upload>
                  <Button type="primary" onClick={() => void act(() => supervisionApi.submitRect(r.id, text))} data-testid="rect-submit">{L('提交整改完成', 'Submit completion')}</Button>
                </>
              ) : null}
              {issuer && r.state === 'submitted' ? (
                <>
                  <Button type="primary" onClick={() => void act(() => supervisionApi.verifyRect(r.id, true, text))} data-testid="rect-close">{L('核验销号', 'Verify and close')}</Button>
                  <Button onClick={() => void act(() => supervisionApi.verifyRect(r.id, false, text))} data-testid="rect-reopen">{L('退回整改', 'Send back')}</Button>
                </>
              ) : null}
            </Space>
          </Space>
        ) : null}
        {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="rect-error" /> : null}
      </Card>
      <Card size="small" title={L('办理记录', 'History')} style={{ marginTop: 12 }}>
        {r.events.length ? <Timeline items={r.events.map((e) => ({ children: `${e.at.slice(0, 16).replace('T', ' ')} ${e.by}：${e.note}` }))} /> : <Typography.Text type="secondary">{L('暂无', 'None yet')}</Typography.Text>}
      </Card>
    </>
  );
}
