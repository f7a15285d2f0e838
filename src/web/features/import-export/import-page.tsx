/** /import (数据导入): ① choose a file → ② preview (dry run) → ③ confirm → ④ result. */
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../shared/api.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { importApi, type ImportMode, type ImportSummary } from './import-api.js';
import { ImportFileStep } from './import-file-step.js';
import { ImportIssues, ImportStats } from './import-summary.js';

type Step = 0 | 1 | 2 | 3;

export function ImportPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('strict');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  // The server's bounds on a file, shown beside the drop zone and checked before uploading
  // (without them the server still refuses what is too large).
  const limits = useAsync('import-limits', () => importApi.limits()).data;

  const runPreview = async (m = mode) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await importApi.run(file, m, true));
      setStep(1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const runImport = async () => {
    if (!file) return;
    setStep(2);
    setError(null);
    try {
      setResult(await importApi.run(file, mode, false));
    } catch (err) {
      setError(err);
      setResult(null);
    }
    setStep(3);
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  // A file-level error (a missing key column: no row was read) or nothing to write blocks confirming in either mode.
  const fileError = preview !== null && preview.rows === 0 && preview.errorsTotal > 0;
  const nothing = preview !== null && preview.inserted + preview.updated === 0;
  const blocked = preview !== null && (fileError || nothing || (mode === 'strict' && preview.rejected > 0));
  const modeTag = <Tag color={mode === 'strict' ? 'blue' : 'orange'}>{t(mode === 'strict' ? 'import.mode.strict' : 'import.mode.partial')}</Tag>;

  return (
    <div>
      <PageTitle>{t('nav.import')}</PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps
          current={step}
          status={step === 3 ? (error ? 'error' : 'finish') : undefined}
          items={[
            { title: t('import.step.file'), content: file?.name },
            { title: t('import.step.preview') },
            { title: t('import.step.confirm') },
            { title: t('import.step.result') },
          ]}
        />
      </Card>
      <ErrorAlert error={step < 2 ? error : null} style={{ marginBottom: 12 }} data-testid="import-error" />

      {step === 0 ? (
        <ImportFileStep
          file={file}
          mode={mode}
          limits={limits}
          busy={busy}
          onFile={(f) => {
            setFile(f);
            setError(null);
          }}
          onMode={setMode}
          onPreview={() => void runPreview()}
          onRejectFile={(reason) => message.error(reason)}
        />
      ) : null}

      {step === 1 && preview ? (
        <Card size="small" title={<Space>{t('import.step.preview')}{modeTag}<Typography.Text type="secondary">{file?.name}</Typography.Text></Space>}>
          <ImportStats summary={preview} dryRun />
          <div style={{ marginTop: 12 }}>
            <ImportIssues summary={preview} />
          </div>
          {fileError ? (
            <Alert type="error" showIcon data-testid="import-file-error" style={{ marginTop: 12 }} title={t('import.fileError')} />
          ) : blocked && preview.rejected > 0 ? (
            <Alert
              type="warning"
              showIcon
              data-testid="import-blocked"
              style={{ marginTop: 12 }}
              title={t('import.strictBlocked', { n: preview.rejected })}
              action={
                <Button size="small" onClick={() => { setMode('partial'); void runPreview('partial'); }} loading={busy}>
                  {t('import.switchPartial')}
                </Button>
              }
            />
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {mode === 'partial' && preview.rejected > 0
                ? t('import.partialNote', { n: preview.inserted + preview.updated, r: preview.rejected })
                : t('import.readyNote', { n: preview.inserted + preview.updated })}
            </Typography.Paragraph>
          )}
          <Space style={{ marginTop: 12 }}>
            <Button icon={<ArrowLeftOutlined />} onClick={() => setStep(0)}>
              {t('import.back')}
            </Button>
            <Button type="primary" icon={<CheckOutlined />} disabled={blocked} onClick={() => void runImport()} data-testid="import-confirm">
              {t('import.confirm')}
            </Button>
          </Space>
        </Card>
      ) : null}

      {step === 2 ? (
        <Card>
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin size="large" />
            <Typography.Paragraph style={{ marginTop: 16 }}>{t('import.running')}</Typography.Paragraph>
          </div>
        </Card>
      ) : null}

      {step === 3 ? (
        <Card data-testid="import-result" data-state={error ? 'error' : result?.rejected ? 'partial' : 'success'}>
          {error || !result ? (
            <Result
              status="error"
              title={t('import.failed')}
              subTitle={errorText(error, lang)}
              extra={<Button onClick={() => setStep(preview ? 1 : 0)}>{t('import.back')}</Button>}
            />
          ) : (
            <>
              <Result
                status={result.rejected ? 'warning' : 'success'}
                title={result.rejected ? t('import.donePartial') : t('import.done')}
                subTitle={t('import.doneSub', { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected })}
                extra={[
                  <Button key="again" type="primary" onClick={restart} data-testid="import-again">
                    {t('import.again')}
                  </Button>,
                  <Button key="completeness" onClick={() => navigate('/completeness')}>
                    {t('import.toCompleteness')}
                  </Button>,
                ]}
              />
              <ImportStats summary={result} dryRun={false} />
              {result.errors.length || result.warnings.length ? (
                <div style={{ marginTop: 12 }}>
                  <ImportIssues summary={result} />
                </div>
              ) : null}
            </>
          )}
        </Card>
      ) : null}
    </div>
  );
}
