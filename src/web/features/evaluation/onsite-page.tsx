/**
 * /evaluation/applications/:id/onsite (现场评审清单): the on-site checklist of a sampled unit,
 * made for a tablet carried round the county — one card per item with how to check it (访谈,
 * 查资料, 看数据, 技术考核, 实地查看), the live figure or the evidence to look at, large
 * 符合 / 基本符合 / 不符合 buttons and a note, and a save bar that stays at the bottom.
 */
import { App as AntApp, Alert, Button, Card, Empty, Input, Progress, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { StandardItem } from '../../../domain/evaluation/standard.js';
import { errorText } from '../../shared/api.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { formatPercent } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { StageTag } from './applications-panel.js';
import { evaluationApi, reviewApi, type ApplicationDetail, type ChecklistAnswer } from './evaluation-api.js';

type Result = 'MET' | 'PARTLY' | 'NOT_MET';
type Draft = Record<string, { result?: Result; note: string }>;

export function OnsitePage() {
  const id = Number(useParams().id);
  const { t, pick, lang } = useI18n();
  const { message } = AntApp.useApp();
  const list = useAsync(`onsite|${id}`, () => reviewApi.checklist(id));
  const detail = useAsync(`app|${id}`, () => reviewApi.application(id));
  const std = useAsync(detail.data?.cycle.standard ?? null, () => evaluationApi.standard(detail.data!.cycle.standard));
  const [draft, setDraft] = useState<Draft>({});
  const [busy, setBusy] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const c = list.data;

  useEffect(() => {
    if (!c) return;
    setDraft(Object.fromEntries(c.items.map((i) => [i.code, { result: i.check?.result, note: i.check?.note ?? '' }])));
  }, [c]);

  const defs = useMemo(() => new Map((std.data?.sections ?? []).flatMap((s) => s.items.map((i) => [i.code, i] as [string, StandardItem]))), [std.data]);
  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  if (!c || !std.data || !detail.data) return <Card loading />;
  const done = c.items.filter((i) => i.check).length;
  const changed = c.items.filter((i) => draft[i.code]?.result && (draft[i.code].result !== i.check?.result || draft[i.code].note !== (i.check?.note ?? '')));
  const noteMissing = (code: string) => !!draft[code]?.result && draft[code].result !== 'MET' && !draft[code].note.trim();
  const save = async () => {
    const lacking = changed.filter((i) => noteMissing(i.code)).map((i) => i.code);
    if (lacking.length) {
      setShowMissing(true);
      message.error(t('eval.noteRequired', { items: lacking.join('、') }));
      return;
    }
    setBusy(true);
    try {
      await reviewApi.check(id, changed.map((i) => ({ item: i.code, result: draft[i.code].result!, note: draft[i.code].note || undefined })));
      message.success(t('eval.saved'));
      list.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ paddingBottom: 72 }}>
      <PageTitle extra={<Link to={`/evaluation/applications/${id}`}>{t('eval.items')}</Link>}>
        <Space wrap>
          {c.application.subjectName}
          <StageTag stage={c.application.stage} />
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('eval.onsiteChecklist')}</Typography.Text>
        </Space>
      </PageTitle>
      {!c.sampled ? (
        <Empty description={t('eval.notSampled')} />
      ) : (
        <>
          <Alert
            type={c.sampled.reasons.includes('RANDOM') ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={[c.sampled.reasons.map((r) => t(`eval.reason.${r}` as MessageKey)).join('、'), ...(c.sampled.reasons.includes('RANDOM') ? [] : [c.sampled.detail])].join('：')}
            description={c.canCheck ? undefined : t('eval.readOnlyChecklist')}
          />
          <Progress percent={Math.round((done / c.items.length) * 100)} format={() => t('eval.onsiteProgress', { done, all: c.items.length })} style={{ marginBottom: 12 }} />
          {std.data.sections.map((sec) => (
            <Card key={sec.code} size="small" title={`${sec.code} ${pick(sec.name)}`} style={{ marginBottom: 12 }}>
              {sec.items.map((def) => (
                <ItemCheck key={def.code} def={defs.get(def.code) ?? def} row={c.items.find((i) => i.code === def.code)!} detail={detail.data!} draft={draft[def.code]} canCheck={c.canCheck} noteMissing={showMissing && noteMissing(def.code)}
                  onChange={(v) => setDraft((d) => ({ ...d, [def.code]: v }))} />
              ))}
            </Card>
          ))}
          {c.canCheck ? (
            <div style={{ position: 'fixed', left: 0, right: 0, bottom: 0, padding: '12px 16px', background: '#fff', borderTop: '1px solid #e5e5e5', display: 'flex', justifyContent: 'flex-end', gap: 12, zIndex: 10 }}>
              <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>{t('eval.onsiteProgress', { done, all: c.items.length })}</Typography.Text>
              <Button type="primary" size="large" disabled={!changed.length} loading={busy} onClick={() => void save()} data-testid="eval-onsite-save">{t('eval.saveChecks')}</Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

function ItemCheck({ def, row, detail, draft, canCheck, noteMissing, onChange }: {
  noteMissing: boolean;
  def: StandardItem;
  row: ChecklistAnswer['items'][number];
  detail: ApplicationDetail;
  draft: { result?: Result; note: string } | undefined;
  canCheck: boolean;
  onChange: (v: { result?: Result; note: string }) => void;
}) {
  const { t, pick } = useI18n();
  const auto = detail.items.find((i) => i.code === def.code)?.auto;
  const files = detail.evidence.filter((e) => e.item === def.code);
  const v = draft ?? { note: '' };
  return (
    <div style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`eval-check-${def.code}`}>
      <Space wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{def.code} {pick(def.name)}</Typography.Text>
        {row.methods.map((m) => <Tag key={m} color="geekblue">{t(`eval.method.${m}` as MessageKey)}</Tag>)}
        {auto?.applicable ? <Typography.Text type="secondary">{formatPercent(auto.value)}</Typography.Text> : null}
      </Space>
      {def.guide ? <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px' }}>{pick(def.guide)}</Typography.Paragraph> : null}
      {files.length ? (
        <Space wrap style={{ marginBottom: 6 }}>
          {files.map((f) => <a key={f.id} href={reviewApi.evidenceUrl(f.id)} target="_blank" rel="noreferrer">{f.filename}</a>)}
        </Space>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
        <Radio.Group size="large" buttonStyle="solid" value={v.result} disabled={!canCheck} onChange={(e) => onChange({ ...v, result: e.target.value })} data-testid={`eval-result-${def.code}`}>
          {(['MET', 'PARTLY', 'NOT_MET'] as const).map((r) => <Radio.Button key={r} value={r} style={{ minWidth: 96, textAlign: 'center' }}>{t(`eval.result.${r}` as MessageKey)}</Radio.Button>)}
        </Radio.Group>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} style={{ flex: '1 1 240px', fontSize: 16 }} value={v.note} disabled={!canCheck} status={noteMissing ? 'error' : undefined} placeholder={t('eval.finding')} onChange={(e) => onChange({ ...v, note: e.target.value })} data-testid={`eval-note-${def.code}`} />
      </div>
    </div>
  );
}
