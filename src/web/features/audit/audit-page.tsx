/** /audit (admins): who changed what and when; before/after as a compact diff in an expandable row. */
import { Button, Input, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { PagedTable, queryPaging } from '../../shared/paged-table.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { auditApi, type AuditEntity, type AuditRecord } from './audit-api.js';
import { JsonDiff, changedCount } from './json-diff.js';

const ENTITIES: AuditEntity[] = ['facility', 'user', 'report'];
const ENTITY_COLORS: Record<string, string> = { facility: 'green', user: 'blue', report: 'purple' };

export function AuditPage() {
  const { t } = useI18n();
  const [params, update] = useQueryParams();
  const [, setParams] = useSearchParams();
  const entity = ENTITIES.includes(params.get('entity') as AuditEntity) ? (params.get('entity') as AuditEntity) : undefined;
  const actor = params.get('actor') || undefined;
  const key = params.get('key') || undefined;
  const paging = queryPaging(params, update);
  const [actorText, setActorText] = useState(actor ?? '');
  const [keyText, setKeyText] = useState(key ?? '');
  const query = { entity, actor, key, page: paging.page, pageSize: paging.pageSize };
  const { data, loading, error } = useAsync(JSON.stringify(query), () => auditApi.list(query));

  const entityLabel = (e: string) =>
    ENTITIES.includes(e as AuditEntity) ? t(`audit.entity.${e}` as MessageKey) : e;

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: formatDateTime },
    { title: t('audit.actor'), dataIndex: 'actor', width: 140 },
    { title: t('audit.action'), dataIndex: 'action', width: 160, render: (a: string) => <Tag>{a}</Tag> },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      width: 110,
      render: (e: string) => <Tag color={ENTITY_COLORS[e]}>{entityLabel(e)}</Tag>,
    },
    { title: t('audit.key'), dataIndex: 'entityKey', ellipsis: true },
    {
      title: t('audit.changes'),
      key: 'changes',
      width: 110,
      render: (_, r) => t('audit.changed', { n: changedCount(r.before, r.after) }),
    },
  ];

  return (
    <div>
      <PageTitle>{t('nav.audit')}</PageTitle>
      <div style={{ background: '#fff', padding: 16, borderRadius: 8 }}>
        <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
          <Select<AuditEntity>
            data-testid="audit-entity"
            value={entity}
            allowClear
            placeholder={t('audit.entity')}
            style={{ width: 150 }}
            options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
            onChange={(e) => update({ entity: e, page: undefined })}
          />
          <Input.Search
            data-testid="audit-actor"
            value={actorText}
            allowClear
            placeholder={t('audit.actor')}
            style={{ width: 180 }}
            onChange={(e) => setActorText(e.target.value)}
            onSearch={(v) => update({ actor: v.trim(), page: undefined })}
          />
          <Input.Search
            value={keyText}
            allowClear
            placeholder={t('audit.key')}
            style={{ width: 200 }}
            onChange={(e) => setKeyText(e.target.value)}
            onSearch={(v) => update({ key: v.trim(), page: undefined })}
          />
          <Button
            onClick={() => {
              setActorText('');
              setKeyText('');
              setParams(new URLSearchParams());
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
        <PagedTable<AuditRecord>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          columns={columns}
          data={data}
          loading={loading}
          error={error}
          paging={paging}
          expandable={{ expandedRowRender: (r) => <JsonDiff before={r.before} after={r.after} />, expandRowByClick: true }}
        />
      </div>
    </div>
  );
}
