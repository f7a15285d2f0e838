/**
 * The user's favourites pinned to the dashboard: one card per pinned analysis showing it in
 * compact form, with a link to open it in /analysis. Nothing at all when none is pinned (or the
 * favourites cannot be read); skeleton cards while loading.
 */
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../app/auth.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { normalizeConfig } from '../indicators/analysis-config.js';
import { useIndicatorMeta } from '../indicators/analysis-data.js';
import { AnalysisView } from '../indicators/analysis-view.js';
import { useConfigSummary } from './analysis-favourites.js';
import { favouritesApi, type Favourite } from './favourites-api.js';

export function PinnedFavourites() {
  const { t } = useI18n();
  const user = useUser();
  const summary = useConfigSummary();
  const { meta } = useIndicatorMeta();
  const favs = useAsync<Favourite[]>('pinned', () => favouritesApi.list().then((r) => r.items.filter((f) => f.pinned)));
  const known = useMemo(() => (meta ? new Set(meta.byCode.keys()) : undefined), [meta]);

  if (favs.error || (favs.data && favs.data.length === 0)) return null;
  const loading = !favs.data || !meta;

  return (
    <section data-testid="pinned-favourites" style={{ marginTop: 16 }} aria-label={t('an.pinned.title')}>
      <Typography.Title level={5} style={{ marginBottom: 8 }}>
        {t('an.pinned.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {loading
          ? [0, 1].map((i) => (
              <Col key={i} xs={24} xl={12}>
                <Card size="small">
                  <Skeleton active paragraph={{ rows: 6 }} />
                </Card>
              </Col>
            ))
          : favs.data!.map((f) => {
              const config = normalizeConfig(f.config, user, known);
              return (
                <Col key={f.id} xs={24} xl={12} xxl={favs.data!.length > 2 ? 8 : 12}>
                  <Card
                    size="small"
                    data-testid={`pinned-${f.id}`}
                    title={
                      <span>
                        {f.name}
                        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
                          {summary(config)}
                        </Typography.Text>
                      </span>
                    }
                    extra={<Link to={`/analysis?fav=${f.id}`}>{t('an.pinned.open')}</Link>}
                    styles={{ body: { minHeight: 260 } }}
                  >
                    <AnalysisView config={config} byCode={meta!.byCode} compact />
                  </Card>
                </Col>
              );
            })}
      </Row>
    </section>
  );
}
