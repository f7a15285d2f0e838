/**
 * The analysis choices as URL state. Router updates render later (transitions), so two quick
 * changes could both start from the same, older URL and the first would be lost: each change is
 * therefore merged into the latest choices this hook pushed, unless the URL has since come from
 * elsewhere (a link, back/forward, a fresh load), in which case the URL wins.
 */
import { useMemo, useRef } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router-dom';
import type { SessionUser } from '../identity/identity-api.js';
import { childLevelOf, configFromParams, configToParams, levelsFor, type AnalysisConfig } from './analysis-config.js';

interface Pushed {
  seq: number;
  config: AnalysisConfig;
  /** The location key rendered when it was pushed. */
  from: string;
}

export function useAnalysisUrl(user: SessionUser, known: Set<string> | undefined) {
  const [params, setParams] = useSearchParams();
  const navType = useNavigationType();
  const location = useLocation();
  const config = useMemo(() => configFromParams(params, user, known), [params, user, known]);
  const favParam = params.get('fav');
  const favId = favParam && /^\d+$/.test(favParam) ? Number(favParam) : null;

  const pushed = useRef<Pushed | null>(null);
  const rendered = useRef({ key: location.key, pop: navType === 'POP', seq: undefined as number | undefined, config });
  rendered.current = { key: location.key, pop: navType === 'POP', seq: (location.state as { anSeq?: number } | null)?.anSeq, config };

  /** The newest choices: the last pushed ones, unless the URL changed from elsewhere since. */
  const latest = (): AnalysisConfig => {
    const r = rendered.current;
    const p = pushed.current;
    const external = (r.key !== p?.from && (r.pop || r.seq === undefined)) || (r.pop && r.seq !== undefined && r.seq !== p?.seq);
    if (!p || external) return r.config;
    return p.config;
  };

  const push = (c: AnalysisConfig, fav?: number | null, replace = false) => {
    const seq = (pushed.current?.seq ?? 0) + 1;
    pushed.current = { seq, config: c, from: rendered.current.key };
    setParams({ ...configToParams(c), ...(fav == null ? {} : { fav: String(fav) }) }, { replace, state: { anSeq: seq } });
  };

  /** Applies a change of some choices (and leaves the favourite, which no longer matches). */
  const change = (patch: Partial<AnalysisConfig>) => {
    const next = { ...latest(), ...patch };
    if (!levelsFor(next.area).includes(next.level)) next.level = childLevelOf(next.area);
    push(next);
  };

  const dropFavourite = () =>
    setParams(
      (p) => {
        p.delete('fav');
        return p;
      },
      { replace: true },
    );

  return { config, favId, change, push, dropFavourite };
}
