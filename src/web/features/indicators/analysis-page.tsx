/**
 * /analysis (分析): a pivot of indicators × years over the areas of one level inside a chosen
 * area, as a table, bars, lines or a map. The choices live in the URL (linkable); they can be
 * saved as a favourite, reopened with `?fav=<id>`, and pinned to the dashboard.
 */
import { DownloadOutlined, StarOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Skeleton, Space, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { saveBlob } from '../../shared/download.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { AnalysisFavourites } from '../favourites/analysis-favourites.js';
import { AnalysisNameModal } from '../favourites/analysis-name-modal.js';
import { favouritesApi, type Favourite } from '../favourites/favourites-api.js';
import { normalizeConfig } from './analysis-config.js';
import { AnalysisControls } from './analysis-controls.js';
import { useIndicatorMeta } from './analysis-data.js';
import { useAnalysisUrl } from './analysis-url-state.js';
import { AnalysisView } from './analysis-view.js';
import { analyticsApi } from './analytics-api.js';

export function AnalysisPage() {
  const user = useUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { meta, error: metaError } = useIndicatorMeta();
  const known = useMemo(() => (meta ? new Set(meta.byCode.keys()) : undefined), [meta]);
  const { config, favId, change, push, dropFavourite } = useAnalysisUrl(user, known);

  const favs = useAsync<Favourite[]>('favourites', () => favouritesApi.list().then((r) => r.items));
  const [drawer, setDrawer] = useState(false);
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState(false);

  // `?fav=<id>`: once the list is there, replace the query with the favourite's choices.
  const applied = useRef<number | null>(null);
  const pendingFav = favId !== null && applied.current !== favId;
  useEffect(() => {
    if (favId === null || applied.current === favId || (!favs.data && !favs.error)) return;
    applied.current = favId;
    const f = favs.data?.find((x) => x.id === favId);
    if (!f) {
      message.warning(t('an.fav.missing'));
      dropFavourite();
      return;
    }
    push(normalizeConfig(f.config, user, known), f.id, true);
    // `push` and `dropFavourite` only use refs and the router.
  }, [favId, favs.data, favs.error, known, user, message, t]);

  const openFavourite = (f: Favourite) => {
    applied.current = f.id;
    push(normalizeConfig(f.config, user, known), f.id);
    setDrawer(false);
  };
  const current = favs.data?.find((f) => f.id === favId) ?? null;
  const ready = config.indicators.length > 0 && config.periods.length > 0;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const { blob, fileName } = await analyticsApi.exportValues({ indicators: config.indicators, periods: config.periods, area: config.area, level: config.level });
      saveBlob(blob, fileName ?? 'analysis.xlsx');
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="analysis-page">
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={exporting} disabled={!ready || !meta} data-testid="an-export">
              {t('an.export')}
            </Button>
            <Button icon={<StarOutlined />} onClick={() => setSaving(true)} disabled={!ready || !meta} data-testid="an-save">
              {t('an.fav.save')}
            </Button>
            <Badge count={favs.data?.length ?? 0} size="small" color="#1f7a5a">
              <Button icon={<UnorderedListOutlined />} onClick={() => setDrawer(true)} data-testid="an-favourites">
                {t('an.fav.title')}
              </Button>
            </Badge>
          </Space>
        }
      >
        <Space size={8}>
          {t('nav.analysis')}
          {current ? (
            <Tag color="green" data-testid="an-current-fav">
              {t('an.fav.current', { name: current.name })}
            </Tag>
          ) : null}
        </Space>
      </PageTitle>
      <ErrorAlert error={metaError} style={{ marginBottom: 12 }} />
      <Card size="small" style={{ marginBottom: 12 }}>
        {meta && !pendingFav ? <AnalysisControls config={config} meta={meta} onChange={change} /> : <Skeleton.Input active block style={{ height: 54 }} />}
      </Card>
      <Card size="small" styles={{ body: { minHeight: 480 } }}>
        {!meta || pendingFav ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : ready ? (
          <AnalysisView config={config} byCode={meta.byCode} />
        ) : (
          <Empty description={t('an.chooseSomething')} style={{ paddingTop: 120 }} />
        )}
      </Card>
      <AnalysisFavourites
        open={drawer}
        onClose={() => setDrawer(false)}
        items={favs.data}
        error={favs.error}
        currentId={favId}
        onOpenFavourite={openFavourite}
        onChanged={favs.reload}
      />
      <AnalysisNameModal
        open={saving}
        title={t('an.fav.save')}
        initial={t('an.fav.defaultName', { date: new Date().toLocaleDateString('zh-CN') })}
        onCancel={() => setSaving(false)}
        onOk={async (name) => {
          const { favourite } = await favouritesApi.create({ name, config: { ...config } });
          setSaving(false);
          message.success(t('an.fav.saved', { name }));
          applied.current = favourite.id;
          push(config, favourite.id, true);
          favs.reload();
        }}
      />
    </div>
  );
}
