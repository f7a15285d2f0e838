/** Breadcrumbs from the caller's scope down to an area; each crumb leads back up. */
import { Breadcrumb } from 'antd';
import { useEffect, useState } from 'react';
import { NATION_CODE } from '../../domain/org-unit.js';
import { useUser } from '../app/auth.js';
import { divisionApi } from '../features/org-units/org-units-api.js';
import { useI18n } from './i18n.js';

interface Crumb {
  code: string;
  name: string;
}

export function AreaBreadcrumb({ area, onPick }: { area?: string; onPick: (code: string) => void }) {
  const user = useUser();
  const { t } = useI18n();
  const rootLevel = user.scopeLevel ?? 0;
  const root: Crumb = user.scopeCode === NATION_CODE ? { code: NATION_CODE, name: t('div.nation') } : { code: user.scopeCode, name: user.scopeName };
  const [trail, setTrail] = useState<Crumb[]>([]);

  useEffect(() => {
    if (!area || area === root.code) return setTrail([]);
    let live = true;
    divisionApi
      .get(area)
      .then(({ division, path }) => {
        if (!live) return;
        const below = path.filter((d) => d.level > rootLevel && d.code !== division.code && d.code !== root.code);
        setTrail([...below, division].map((d) => ({ code: d.code, name: d.name })));
      })
      .catch(() => live && setTrail([{ code: area, name: area }]));
    return () => {
      live = false;
    };
  }, [area, root.code, rootLevel]);

  const crumbs = [root, ...trail];
  return (
    <Breadcrumb
      data-testid="area-breadcrumb"
      items={crumbs.map((c, i) =>
        i === crumbs.length - 1
          ? { key: c.code, title: <strong>{c.name}</strong> }
          : {
              key: c.code,
              title: c.name,
              href: '#',
              onClick: (e: React.MouseEvent) => {
                e.preventDefault();
                onPick(c.code);
              },
            },
      )}
    />
  );
}
