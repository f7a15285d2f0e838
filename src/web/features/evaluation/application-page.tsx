/**
 * /evaluation/applications/:id (评分表): one application's items with the automatic score read
 * live and each stage's manual scores side by side (gaps over 2 points flagged), the totals per
 * stage, and what the user's level may do now — score its stage's manual items, pass, reject or
 * return; in publicity record and resolve objections, then name.
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { saveBlob } from '../../shared/download.js';
import { App as AntApp, Alert, Button, Card, Input, InputNumber, List, Modal, Select, Space, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { allItems, type StandardItem } from '../../../domain/evaluation/standard.js';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { formatPercent } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { FindingRectButton } from '../supervision/finding-rect-button.js';
import { useAsync } from '../../shared/use-async.js';
import { StageTag } from './applications-panel.js';
import { evaluationApi, reviewApi, type ApplicationDetail, type ScoreInput } from './evaluation-api.js';
import { EvidenceCell } from './evidence-cell.js';

type Row = ApplicationDetail['items'][number] & { def: StandardItem };
type Draft = Record<string, ScoreInput>;

export function ApplicationPage() {
  const id = Number(useParams().id);
  const { t, pick, lang } = useI18n();
  const { message } = AntApp.useApp();
  const detail = useAsync(`app|${id}`, () => reviewApi.application(id));
  const d = detail.data;
  const std = useAsync(d?.cycle.standard ?? null, () => evaluationApi.standard(d!.cycle.standard));
  const limit = useAsync('evidence-limits', () => reviewApi.evidenceLimits());
  const onsite = useAsync(`onsite|${id}`, () => reviewApi.checklist(id));
  const earlier = useAsync(d ? `earlier|${id}` : null, () => reviewApi.earlierEvidence(id));
  const [draft, setDraft] = useState<Draft>({});
  const [busy, setBusy] = useState(false);
  const [ask, setAsk] = useState<null | { kind: 'reject' | 'return' | 'object' | 'resolve'; objection?: number }>(null);
  const [text, setText] = useState('');
  const stage = d?.application.stage;
  const acting = d?.canAct && d.stages.includes(stage as never) ? (stage as ApplicationDetail['stages'][number]) : null;

  // Start the draft from what this stage has stored, else from the stage before it.
  useEffect(() => {
    if (!d || !acting) return;
    const before = d.stages[d.stages.indexOf(acting) - 1];
    const next: Draft = {};
    for (const it of d.items) {
      if (it.automatic) continue;
      const s = it.stages[acting] ?? (before ? it.stages[before] : undefined);
      if (s) next[it.code] = s.applicable ? (s.veto !== null ? { item: it.code, veto: s.veto } : { item: it.code, points: s.points ?? undefined }) : { item: it.code, notApplicable: true };
    }
    setDraft(next);
  }, [d, acting]);

  const rows: Row[] = useMemo(() => {
    if (!d || !std.data) return [];
    const defs = new Map(allItems(std.data).map((i) => [i.code, i]));
    return d.items.map((i) => ({ ...i, def: defs.get(i.code)! }));
  }, [d, std.data]);

  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    setBusy(true);
    try {
      await fn();
      if (ok) message.success(ok);
      detail.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const saveScores = () => reviewApi.score(id, Object.values(draft));

  const cell = (r: Row) => {
    const it = r.def;
    const v = draft[r.code];
    const set = (x: ScoreInput) => setDraft((dr) => ({ ...dr, [r.code]: x }));
    if (it.mode.type === 'MANUAL_VETO')
      return (
        <Select size="small" style={{ width: 80 }} value={v?.veto === undefined ? undefined : v.veto ? 'y' : 'n'} onChange={(x) => set({ item: r.code, veto: x === 'y' })} data-testid={`eval-input-${r.code}`}
          options={[{ value: 'n', label: t('eval.no') }, { value: 'y', label: t('eval.yes') }]} />
      );
    if (it.mode.type === 'YES_NO')
      return (
        <Select size="small" style={{ width: 80 }} value={v?.points} onChange={(x) => set({ item: r.code, points: x })} data-testid={`eval-input-${r.code}`}
          options={[{ value: it.max!, label: `${t('eval.yes')} ${it.max}` }, { value: 0, label: `${t('eval.no')} 0` }]} />
      );
    return <InputNumber size="small" style={{ width: 80 }} min={0} max={it.max} step={it.mode.type === 'POINTS' ? it.mode.step : 0.5} value={v?.points} onChange={(x) => set({ item: r.code, points: x ?? undefined })} data-testid={`eval-input-${r.code}`} />;
  };

  const stageCol = (s: ApplicationDetail['stages'][number]) => ({
    title: t(`eval.stage.${s}` as MessageKey),
    key: s,
    width: 110,
    align: 'center' as const,
    render: (_: unknown, r: Row) => {
      if (r.automatic) return <Typography.Text type="secondary">—</Typography.Text>;
      if (s === acting) return cell(r);
      const sc = r.stages[s];
      if (!sc) return '';
      const gap = d!.gaps.find((g) => g.item === r.code && g.to === s);
      const text = !sc.applicable ? t('eval.na') : sc.veto !== null ? (sc.veto ? t('eval.yes') : t('eval.no')) : sc.points;
      return gap ? (
        <Tooltip title={t('eval.gap', { d: gap.difference })}>
          <Tag color="orange" data-testid={`eval-gap-${r.code}`}>{text}</Tag>
        </Tooltip>
      ) : (
        text
      );
    },
  });

  const columns: TableColumnsType<Row> = [
    { title: t('eval.item'), key: 'item', render: (_, r) => <span>{r.code} {pick(r.def.name)}</span> },
    { title: t('eval.max'), key: 'max', width: 56, align: 'right', render: (_, r) => r.def.max ?? '—' },
    {
      title: t('eval.auto'),
      key: 'auto',
      width: 150,
      render: (_, r) => {
        const a = r.auto;
        if (!r.automatic) return '';
        if (!a || !a.applicable) return <Typography.Text type="secondary">{t('eval.na')}</Typography.Text>;
        return (
          <Tooltip title={t('eval.explain', { n: a.numerator ?? '–', d: a.denominator ?? '–', v: formatPercent(a.value) })}>
            <span data-testid={`eval-auto-${r.code}`}>{a.veto !== null ? (a.veto ? <Tag color="red">{t('eval.vetoFired')}</Tag> : '✓') : a.points} <Typography.Text type="secondary">({formatPercent(a.value)})</Typography.Text></span>
          </Tooltip>
        );
      },
    },
    ...(d?.stages ?? []).map(stageCol),
    {
      title: t('eval.evidence'),
      key: 'evidence',
      width: 220,
      render: (_, r) =>
        r.automatic ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <EvidenceCell applicationId={id} item={r.def} files={d!.evidence.filter((e) => e.item === r.code)} acting={acting} earlier={earlier.data?.items ?? []} limit={limit.data ?? null} onChange={detail.reload} />
        ),
    },
  ];

  if (detail.error) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!d) return <Card loading />;
  const order = [...d.stages, 'PUBLICITY', 'NAMED'];
  const a = d.application;

  return (
    <div>
      <PageTitle
        extra={
          <Space wrap>
            <Link to={`/evaluation/print/applications/${id}`} data-testid="eval-print-sheet-link"><PrinterOutlined /> {t('eval.printSheet')}</Link>
            <a
              onClick={async () => {
                try {
                  const { blob, fileName } = await reviewApi.sheet(id);
                  saveBlob(blob, fileName ?? 'sheet.xlsx');
                } catch (e) {
                  message.error(errorText(e, lang));
                }
              }}
              data-testid="eval-sheet-xlsx"
            >
              <DownloadOutlined /> {t('eval.sheetXlsx')}
            </a>
            {d.canAct && a.stage !== 'SELF' ? <FindingRectButton applicationId={id} subjectCode={a.subjectCode} /> : null}
            <Link to={`/evaluation?tab=applications&cycle=${encodeURIComponent(d.cycle.code)}`}>{d.cycle.name}</Link>
          </Space>
        }
      >
        <Space>
          {a.subjectName}
          <StageTag stage={a.stage} />
        </Space>
      </PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          current={a.stage === 'REJECTED' ? undefined : order.indexOf(a.stage)}
          status={a.stage === 'REJECTED' ? 'error' : a.stage === 'NAMED' ? 'finish' : 'process'}
          items={order.map((s) => ({ title: t(`eval.stage.${s}` as MessageKey) }))}
          responsive
        />
        {onsite.data?.sampled ? (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="eval-onsite-link"
            title={<Link to={`/evaluation/applications/${id}/onsite`}>{t('eval.onsiteChecklist')} · {onsite.data.sampled.detail} · {t('eval.onsiteProgress', { done: onsite.data.items.filter((i) => i.check).length, all: onsite.data.items.length })}</Link>} />
        ) : null}
        {a.decisionNote ? <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('eval.decisionNote', { note: a.decisionNote })}</Typography.Paragraph> : null}
        {a.stage === 'PUBLICITY' && a.publicityUntil ? <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('eval.publicityUntil', { date: a.publicityUntil })} /> : null}
        {a.stage === 'NAMED' && a.namedYear ? <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('eval.namedIn', { year: a.namedYear })} data-testid="eval-named" /> : null}
      </Card>
      <Card
        size="small"
        title={t('eval.items')}
        extra={
          acting ? (
            <Space wrap>
              <Button loading={busy} onClick={() => void run(saveScores, t('eval.saved'))} data-testid="eval-save">{t('eval.save')}</Button>
              <Button type="primary" loading={busy} onClick={() => void run(async () => { await saveScores(); await reviewApi.submit(id, 'pass'); })} data-testid="eval-pass">{t('eval.pass')}</Button>
              {acting !== 'SELF' ? <Button onClick={() => { setText(''); setAsk({ kind: 'return' }); }} data-testid="eval-return">{t('eval.return')}</Button> : null}
              {acting !== 'SELF' ? <Button danger onClick={() => { setText(''); setAsk({ kind: 'reject' }); }} data-testid="eval-reject">{t('eval.reject')}</Button> : null}
            </Space>
          ) : null
        }
      >
        <Table<Row> size="small" rowKey="code" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 860 }} data-testid="eval-sheet"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><strong>{t('eval.total')}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2} />
              {d.stages.map((s, i) => {
                const tot = d.totals[s];
                return (
                  <Table.Summary.Cell index={3 + i} key={s} align="center">
                    {tot ? <Tooltip title={tot.passed ? t('eval.passed') : t('eval.notPassed')}><Tag color={tot.passed ? 'green' : 'default'} data-testid={`eval-total-${s}`}>{tot.total}</Tag></Tooltip> : ''}
                  </Table.Summary.Cell>
                );
              })}
              <Table.Summary.Cell index={3 + d.stages.length} />
            </Table.Summary.Row>
          )}
        />
      </Card>
      {a.stage === 'NATIONAL' || d.experts.length ? <ExpertsCard detail={d} onChange={detail.reload} /> : null}
      {a.stage === 'PUBLICITY' || d.objections.length ? (
        <Card size="small" title={t('eval.objections')} style={{ marginTop: 12 }}
          extra={d.canAct && a.stage === 'PUBLICITY' ? (
            <Space>
              <Button onClick={() => { setText(''); setAsk({ kind: 'object' }); }} data-testid="eval-object">{t('eval.addObjection')}</Button>
              <Button type="primary" loading={busy} onClick={() => void run(() => reviewApi.name(id))} data-testid="eval-name">{t('eval.nameIt')}</Button>
            </Space>
          ) : null}
        >
          <List
            size="small"
            dataSource={d.objections}
            data-testid="eval-objections"
            renderItem={(o) => (
              <List.Item
                actions={o.resolution === null && d.canAct ? [<a key="r" onClick={() => { setText(''); setAsk({ kind: 'resolve', objection: o.id }); }} data-testid="eval-resolve">{t('eval.resolveIt')}</a>] : []}
              >
                <List.Item.Meta title={o.text} description={o.resolution === null ? <Tag color="orange">{t('eval.unresolved')}</Tag> : t('eval.resolved', { text: o.resolution })} />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Modal
        open={ask !== null}
        title={ask ? t(({ reject: 'eval.reject', return: 'eval.return', object: 'eval.addObjection', resolve: 'eval.resolveIt' } as const)[ask.kind]) : ''}
        okButtonProps={{ disabled: !text.trim(), 'data-testid': 'eval-ask-ok' } as never}
        onCancel={() => setAsk(null)}
        onOk={() => {
          const k = ask!;
          setAsk(null);
          void run(() =>
            k.kind === 'reject' ? reviewApi.submit(id, 'reject', text) : k.kind === 'return' ? reviewApi.returnTo(id, text) : k.kind === 'object' ? reviewApi.object(id, text) : reviewApi.resolve(k.objection!, text),
          );
        }}
        destroyOnHidden
      >
        <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={ask?.kind === 'object' ? t('eval.objection') : ask?.kind === 'resolve' ? t('eval.resolution') : t('eval.reason')} data-testid="eval-ask-text" />
      </Modal>
    </div>
  );
}

/** The experts of the national review; the nation assigns them from the pool (never of the unit's own province). */
function ExpertsCard({ detail, onChange }: { detail: ApplicationDetail; onChange: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const user = useUser();
  const nation = user.scopeLevel === 0 && detail.canAct && detail.application.stage === 'NATIONAL';
  const pool = useAsync(nation ? 'experts' : null, () => reviewApi.experts());
  const [pick, setPick] = useState<number | undefined>();
  const assigned = new Set(detail.experts.map((e) => e.id));
  return (
    <Card size="small" title={t('eval.experts')} style={{ marginTop: 12 }} data-testid="eval-experts">
      {nation ? (
        <Space style={{ marginBottom: 8 }}>
          <Select<number>
            style={{ width: 320 }}
            value={pick}
            onChange={setPick}
            placeholder={t('eval.pickExpert')}
            options={(pool.data?.items ?? []).filter((e) => !assigned.has(e.id)).map((e) => ({ value: e.id, label: `${e.name}（${e.provinceCode} · ${e.specialty}）` }))}
            data-testid="eval-expert-pick"
          />
          <Select<string>
            style={{ width: 160 }}
            placeholder={t('eval.assignGroup')}
            value={undefined}
            options={[...new Set((pool.data?.items ?? []).map((e) => e.group).filter((g): g is string => !!g))].map((g) => ({ value: g, label: g }))}
            onChange={async (g) => {
              try {
                await reviewApi.assignGroup(detail.application.id, g);
                onChange();
              } catch (e) {
                message.error(errorText(e, lang));
              }
            }}
            data-testid="eval-group-pick"
          />
          <Button
            disabled={pick === undefined}
            onClick={async () => {
              try {
                await reviewApi.assign(detail.application.id, pick!);
                setPick(undefined);
                onChange();
              } catch (e) {
                message.error(errorText(e, lang));
              }
            }}
            data-testid="eval-expert-assign"
          >
            {t('eval.assign')}
          </Button>
        </Space>
      ) : null}
      {detail.experts.length ? (
        <Space wrap>
          {detail.experts.map((e) => (
            <Tag key={e.id}>{`${e.name} · ${e.provinceCode} · ${e.specialty}`}</Tag>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('eval.noExperts')}</Typography.Text>
      )}
    </Card>
  );
}

