/**
 * The annual report's toolbar (screen only): back, area and year pickers, print / save as PDF
 * (the browser's print dialog), and the language switch.
 */
import { ArrowLeftOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Button, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useUser } from '../../app/auth.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { useI18n } from '../../shared/i18n.js';
import { LanguageSwitch } from '../../shared/language-switch.js';
import { PeriodSelect } from '../../shared/period-select.js';
import type { DivisionDto } from '../org-units/org-units-api.js';
import { scopeArea } from './analysis-config.js';

export function ReportToolbar(props: { area: string; period: string; ready: boolean; onChange: (patch: { area?: string; period?: string }) => void; onWord: () => Promise<void> }) {
  const [making, setMaking] = useState(false);
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const scope: DivisionDto = { code: scopeArea(user), name: user.scopeLevel ? user.scopeName : t('div.nation'), level: user.scopeLevel ?? 0 };
  // Opened in a new tab (no history inside the app): back goes to the dashboard.
  const back = () => (location.key !== 'default' ? navigate(-1) : navigate('/dashboard'));

  return (
    <div className="ar-toolbar" role="toolbar" aria-label={t('rep.toolbar')} data-testid="report-toolbar">
      <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="report-back">
        {t('rep.back')}
      </Button>
      <label htmlFor="rep-area">{t('an.area')}</label>
      <DivisionSelect
        id="rep-area"
        data-testid="report-area"
        value={props.area}
        fixedOptions={[scope]}
        style={{ width: 200 }}
        onChange={(code) => props.onChange({ area: code ?? scope.code })}
      />
      <label htmlFor="rep-period">{t('entry.period')}</label>
      <PeriodSelect id="rep-period" data-testid="report-period" purpose="figures" value={props.period} onChange={(period) => props.onChange({ period })} />
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!props.ready} data-testid="report-print">
        {t('rep.print')}
      </Button>
      <Button
        icon={<FileWordOutlined />}
        onClick={() => {
          setMaking(true);
          void props.onWord().finally(() => setMaking(false));
        }}
        loading={making}
        disabled={!props.ready}
        data-testid="report-word"
      >
        {t('rep.word')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('rep.printHint')}
      </Typography.Text>
      <span className="ar-spacer" />
      <LanguageSwitch />
    </div>
  );
}
