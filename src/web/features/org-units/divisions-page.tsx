/** /divisions: the administrative hierarchy (lazy tree + search) and the selected division's facilities. */
import { Card, Skeleton } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useWindowHeight } from '../../shared/use-window-height.js';
import { DivisionPanel } from './division-panel.js';
import { DivisionTree } from './division-tree.js';
import { divisionApi, type DivisionDto } from './org-units-api.js';
import { useDivisionTree } from './use-division-tree.js';

export function DivisionsPage() {
  const { t } = useI18n();
  const tree = useDivisionTree();
  const { reset, loadChildren, setExpandedKeys, reveal } = tree;
  const [root, setRoot] = useState<{ root: DivisionDto; path: DivisionDto[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [finderKey, setFinderKey] = useState(0);
  const [params, setParams] = useSearchParams();
  const selected = params.get('code') ?? root?.root.code ?? null;
  const windowHeight = useWindowHeight();

  const load = useCallback(() => {
    setError(null);
    divisionApi
      .root()
      .then(async (r) => {
        const top = r.root.code === NATION_CODE ? { ...r.root, level: 0 } : r.root;
        setRoot({ root: top, path: r.path ?? [] });
        reset(top);
        await loadChildren(top.code);
        setExpandedKeys([top.code]);
      })
      .catch(setError);
  }, [reset, loadChildren, setExpandedKeys]);

  useEffect(load, [load]);

  const select = useCallback(
    (code: string) => setParams((p) => (p.set('code', code), p), { replace: false }),
    [setParams],
  );

  /** Selects a division that may not be loaded in the tree yet, and opens the tree down to it. */
  const selectAndReveal = useCallback(
    async (code: string) => {
      select(code);
      if (!root || code === root.root.code) return;
      try {
        const { path } = await divisionApi.get(code);
        const ancestors = path.filter((d) => d.level >= root.root.level && d.code !== code).map((d) => d.code);
        if (ancestors[0] !== root.root.code) ancestors.unshift(root.root.code);
        await reveal(ancestors);
      } catch {
        /* the panel shows the error */
      }
    },
    [root, select, reveal],
  );

  // A deep link (?code=…) opens the tree down to the division once the root is there.
  const initial = params.get('code');
  useEffect(() => {
    if (root && initial && initial !== root.root.code) void selectAndReveal(initial);
    // Only when the root first arrives.
  }, [root]);

  if (error && !root) {
    return <ErrorAlert error={error} onRetry={load} />;
  }

  const treeHeight = Math.max(320, windowHeight - 56 - 40 - 48 - 44);

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'stretch', minHeight: 'calc(100vh - 96px)' }}>
      <Card style={{ width: 272, flex: 'none' }} styles={{ body: { padding: 12 } }}>
        <DivisionSelect
          key={finderKey}
          data-testid="division-search"
          value={null}
          placeholder={t('div.searchPlaceholder')}
          fixedOptions={[]}
          style={{ width: '100%', marginBottom: 12 }}
          onChange={(code) => {
            if (!code) return;
            setFinderKey((k) => k + 1);
            void selectAndReveal(code);
          }}
        />
        {root ? (
          <DivisionTree
            state={tree}
            selected={selected}
            height={treeHeight}
            onSelect={(node) => {
              select(node.division.code);
              // Selecting a division also opens it, so its children show in the tree.
              if (!node.isLeaf) void reveal([node.division.code]).catch(() => undefined);
            }}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )}
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {root && selected ? (
          <DivisionPanel code={selected} root={root.root} rootPath={root.path} onSelect={(c) => void selectAndReveal(c)} />
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        )}
      </div>
    </div>
  );
}
