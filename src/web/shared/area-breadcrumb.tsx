/** Breadcrumbs from the caller's scope down to an area; each crumb leads back up. */
import { Breadcrumb } from 'antd';
import { NATION_CODE } from '../../domain/org-unit.js';
import { useUser } from '../app/auth.js';
import { divisionApi } from '../features/org-units/org-units-api.js';
import { useI18n } from './i18n.js';
import { useAsync } from './use-async.js';

interface Crumb {
  code: string;
  name: string;
}

export function AreaBreadcrumb({ area, onPick }: { area?: string; onPick: (code: string) => void }) {
  const user = useUser();
  const { t } = useI18n();
  const rootLevel = user.scopeLevel ?? 0;
  const root: Crumb = user.scopeCode === NATION_CODE ? { code: NATION_CODE, name: t('div.nation') } : { code: user.scopeCode, name: user.scopeName };
  const below = !area || area === root.code ? null : area;
  // The divisions between the scope and the area, then the area (its code alone when unknown).
  const trail = useAsync(below && `${below}|${root.code}|${rootLevel}`, async (): Promise<Crumb[]> => {
    try {
      const { division, path } = await divisionApi.get(below!);
      const between = path.filter((d) => d.level > rootLevel && d.code !== division.code && d.code !== root.code);
      return [...between, division].map((d) => ({ code: d.code, name: d.name }));
    } catch {
      return [{ code: below!, name: below! }];
    }
  });

  const crumbs = [root, ...(below ? (trail.data ?? []) : [])];
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
