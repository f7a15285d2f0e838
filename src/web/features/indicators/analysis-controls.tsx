/**
 * The choices of the analysis view: indicators, years, area (within the scope), breakdown level
 * and display. Each change goes to `onChange` as a patch (the page merges it with the latest
 * choices, which may be newer than the ones this render shows).
 */
import { Segmented, Select } from 'antd';
import { useUser } from '../../app/auth.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { useI18n } from '../../shared/i18n.js';
import { usePeriodOptions } from '../../shared/period-select.js';
import type { DivisionDto } from '../org-units/org-units-api.js';
import { levelsFor, scopeArea, type AnalysisConfig, type AnalysisDisplay } from './analysis-config.js';
import type { IndicatorMeta } from './analysis-data.js';

const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 };
const label: React.CSSProperties = { fontSize: 12, color: 'rgba(0,0,0,0.65)' };

export function AnalysisControls(props: { config: AnalysisConfig; meta: IndicatorMeta; onChange: (patch: Partial<AnalysisConfig>) => void }) {
  const { config, meta, onChange } = props;
  const { t, pick } = useI18n();
  const periodOptions = usePeriodOptions('figures');
  const user = useUser();
  const scope: DivisionDto = { code: scopeArea(user), name: user.scopeLevel ? user.scopeName : t('div.nation'), level: user.scopeLevel ?? 0 };
  const set = onChange;

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-end' }} data-testid="analysis-controls">
      <div style={{ ...field, flex: '1 1 360px' }}>
        <label htmlFor="an-indicators" style={label}>
          {t('an.indicators')}
        </label>
        <Select<string[]>
          id="an-indicators"
          data-testid="an-indicators"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          value={config.indicators}
          placeholder={t('an.indicatorsPlaceholder')}
          onChange={(v) => set({ indicators: v })}
          optionFilterProp="label"
          options={meta.list.map((i) => ({ value: i.code, label: pick(i.name, i.code) }))}
          status={config.indicators.length ? undefined : 'warning'}
          popupMatchSelectWidth={420}
        />
      </div>
      <div style={{ ...field, flex: '0 1 250px' }}>
        <label htmlFor="an-periods" style={label}>
          {t('an.periods')}
        </label>
        <Select<string[]>
          id="an-periods"
          data-testid="an-periods"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          value={config.periods}
          onChange={(v) => set({ periods: [...v].sort() })}
          options={[...periodOptions].reverse()}
          status={config.periods.length ? undefined : 'warning'}
        />
      </div>
      <div style={{ ...field, flex: '0 1 200px' }}>
        <label htmlFor="an-area" style={label}>
          {t('an.area')}
        </label>
        <DivisionSelect
          id="an-area"
          data-testid="an-area"
          value={config.area}
          fixedOptions={[scope]}
          onChange={(code) => set({ area: code ?? scope.code })}
        />
      </div>
      <div style={{ ...field, flex: '0 0 130px' }}>
        <label htmlFor="an-level" style={label}>
          {t('an.level')}
        </label>
        <Select
          id="an-level"
          data-testid="an-level"
          value={config.level}
          onChange={(level) => set({ level })}
          options={levelsFor(config.area).map((l) => ({ value: l, label: t(`an.level.${l}`) }))}
        />
      </div>
      <div style={field}>
        <span style={label}>{t('an.display')}</span>
        <Segmented<AnalysisDisplay>
          data-testid="an-display"
          value={config.display}
          onChange={(display) => set({ display })}
          options={[
            { value: 'table', label: t('an.display.table') },
            { value: 'bar', label: t('an.display.bar') },
            { value: 'line', label: t('an.display.line') },
            { value: 'map', label: t('an.display.map') },
          ]}
        />
      </div>
    </div>
  );
}
