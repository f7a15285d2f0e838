/**
 * The user's saved analyses in a drawer: open one (restores its choices), rename, pin to the
 * dashboard or unpin, delete. The list is loaded by the page and reloaded after each change.
 */
import { DeleteOutlined, EditOutlined, PushpinFilled, PushpinOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, List, Popconfirm, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { formatDate } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { normalizeConfig, type AnalysisConfig } from '../indicators/analysis-config.js';
import { AnalysisNameModal } from './analysis-name-modal.js';
import { favouritesApi, type Favourite } from './favourites-api.js';

export interface FavouritesDrawerProps {
  open: boolean;
  onClose: () => void;
  items: Favourite[] | null;
  error: unknown;
  currentId: number | null;
  onOpenFavourite: (f: Favourite) => void;
  /** After a rename, pin or delete: reload the list. */
  onChanged: () => void;
}

/** A one-line description of a saved configuration. */
export function useConfigSummary(): (c: AnalysisConfig) => string {
  const { t } = useI18n();
  return (c) =>
    [
      t('an.fav.nIndicators', { n: c.indicators.length }),
      c.periods.map((p) => t('period.year', { year: p })).join('、'),
      t(`an.level.${c.level}`),
      t(`an.display.${c.display}`),
    ].join(' · ');
}

export function AnalysisFavourites(props: FavouritesDrawerProps) {
  const { t, lang } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const summary = useConfigSummary();
  const [renaming, setRenaming] = useState<Favourite | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const act = async (id: number, run: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await run();
      message.success(done);
      props.onChanged();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const body = props.error ? (
    <Alert type="error" showIcon title={errorText(props.error, lang)} />
  ) : !props.items ? (
    <Skeleton active paragraph={{ rows: 4 }} />
  ) : props.items.length === 0 ? (
    <Empty description={t('an.fav.empty')} />
  ) : (
    <List<Favourite>
      data-testid="an-fav-list"
      dataSource={props.items}
      renderItem={(f) => (
        <List.Item
          key={f.id}
          data-testid={`an-fav-${f.id}`}
          style={{ background: f.id === props.currentId ? '#e7f3ed' : undefined, paddingInline: 8 }}
          actions={[
            <Tooltip key="pin" title={f.pinned ? t('an.fav.unpin') : t('an.fav.pin')}>
              <Button
                type="text"
                size="small"
                aria-label={f.pinned ? t('an.fav.unpin') : t('an.fav.pin')}
                aria-pressed={f.pinned}
                data-testid="an-fav-pin"
                loading={busy === f.id}
                icon={f.pinned ? <PushpinFilled style={{ color: '#1f7a5a' }} /> : <PushpinOutlined />}
                onClick={() =>
                  act(f.id, () => favouritesApi.update(f.id, { pinned: !f.pinned }), f.pinned ? t('an.fav.unpinned') : t('an.fav.pinned'))
                }
              />
            </Tooltip>,
            <Tooltip key="rename" title={t('an.fav.rename')}>
              <Button type="text" size="small" aria-label={t('an.fav.rename')} data-testid="an-fav-rename" icon={<EditOutlined />} onClick={() => setRenaming(f)} />
            </Tooltip>,
            <Popconfirm
              key="delete"
              title={t('an.fav.deleteConfirm', { name: f.name })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => act(f.id, () => favouritesApi.remove(f.id), t('an.fav.deleted'))}
            >
              <Button type="text" size="small" danger aria-label={t('an.fav.delete')} data-testid="an-fav-delete" icon={<DeleteOutlined />} />
            </Popconfirm>,
          ]}
        >
          <List.Item.Meta
            title={
              <Space size={6}>
                <Typography.Link data-testid="an-fav-open" onClick={() => props.onOpenFavourite(f)}>
                  {f.name}
                </Typography.Link>
                {f.pinned ? <Tag color="green">{t('an.fav.pinnedTag')}</Tag> : null}
              </Space>
            }
            description={
              <span style={{ fontSize: 12 }}>
                {summary(normalizeConfig(f.config, user))} · {formatDate(f.createdAt)}
              </span>
            }
          />
        </List.Item>
      )}
    />
  );

  return (
    <Drawer title={t('an.fav.title')} open={props.open} onClose={props.onClose} size={460} data-testid="an-fav-drawer">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('an.fav.hint')}
      </Typography.Paragraph>
      {body}
      <AnalysisNameModal
        open={renaming !== null}
        title={t('an.fav.rename')}
        initial={renaming?.name ?? ''}
        onCancel={() => setRenaming(null)}
        onOk={async (name) => {
          const f = renaming!;
          await favouritesApi.update(f.id, { name });
          setRenaming(null);
          message.success(t('an.fav.renamed'));
          props.onChanged();
        }}
      />
    </Drawer>
  );
}
