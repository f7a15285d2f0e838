/** 下载模板: the XLSX template for a year and an area (default the caller's scope), facilities pre-filled. */
import { levelOfCode } from '../../../domain/org-unit.js';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { saveBlob } from '../../shared/download.js';
import { useI18n } from '../../shared/i18n.js';
import { PeriodSelect, defaultPeriod } from '../../shared/period-select.js';
import { reportingPeriods } from '../../shared/periods.js';
import { importApi } from './import-api.js';

export function ImportTemplate() {
  const user = useUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const divisionScope = user.scopeLevel !== null;
  const [period, setPeriod] = useState(() => defaultPeriod('collecting'));
  // A country's or a province's template would list more facilities than one file holds (E4020):
  // such a user picks a city or county first.
  const wide = user.scopeLevel !== null && user.scopeLevel <= 1;
  const [area, setArea] = useState<string | undefined>(divisionScope && !wide ? user.scopeCode : undefined);
  const needsArea = wide && (area === undefined ? 0 : (levelOfCode(area) ?? 0)) <= 1;
  const [busy, setBusy] = useState(false);

  const [exporting, setExporting] = useState(false);
  /** The reports already in, in the import format: to check in Excel, correct and import again. */
  const exportReports = async () => {
    setExporting(true);
    try {
      const { blob, fileName } = await importApi.exportReports(period, area);
      saveBlob(blob, fileName ?? `${reportingPeriods().dataSet}_${period}_${area ?? user.scopeCode}_data.xlsx`);
    } catch (err) {
      message.error(errorText(err, lang));
    } finally {
      setExporting(false);
    }
  };

  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await importApi.template(period, area);
      saveBlob(blob, fileName ?? `${reportingPeriods().dataSet}_${period}_${area ?? user.scopeCode}.xlsx`);
    } catch (err) {
      message.error(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('import.templateHint')}
      </Typography.Paragraph>
      <Space wrap>
        <PeriodSelect data-testid="import-template-period" value={period} onChange={setPeriod} />
        {divisionScope ? (
          <DivisionSelect
            data-testid="import-template-area"
            value={area}
            onChange={(code) => setArea(code ?? (divisionScope && !wide ? user.scopeCode : undefined))}
            placeholder={t('import.pickArea')}
            fixedOptions={[{ code: user.scopeCode, name: user.scopeName, level: user.scopeLevel ?? 0 }]}
            style={{ width: 240 }}
          />
        ) : null}
        <Tooltip title={needsArea ? t('import.pickArea') : undefined}>
          <Button icon={<DownloadOutlined />} loading={busy} disabled={needsArea} onClick={() => void download()} data-testid="import-template">
            {t('import.template')}
          </Button>
        </Tooltip>
        <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportReports()} data-testid="export-reports">
          {t('import.exportReports')}
        </Button>
      </Space>
    </div>
  );
}
