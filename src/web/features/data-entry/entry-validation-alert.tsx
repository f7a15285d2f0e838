/** The summary of the rule check: errors (block 提交) and warnings (need a comment); a click goes to the field. */
import { Alert, Spin, Typography } from 'antd';
import type { DataElement } from '../../../domain/program.js';
import { errorText } from '../../shared/api.js';
import { useI18n } from '../../shared/i18n.js';
import type { Validation, Violation } from './report-api.js';

export function EntryValidationAlert(props: {
  validation: Validation | null;
  checking: boolean;
  failed: unknown;
  elements: Map<string, DataElement>;
  onGoTo: (code: string) => void;
}) {
  const { t, lang, pick } = useI18n();
  const { validation } = props;
  const text = (v: Violation) => (lang === 'en' ? (v.messageEn ?? v.message) : v.message);
  const item = (v: Violation, color: string) => {
    const first = v.elements?.[0];
    const names = (v.elements ?? []).map((c) => pick(props.elements.get(c)?.name, c)).join(lang === 'zh' ? '、' : ', ');
    return (
      <li key={`${v.severity}-${v.rule}`} style={{ color }}>
        {first ? (
          <Typography.Link onClick={() => props.onGoTo(first)} style={{ color }}>
            {text(v)}
          </Typography.Link>
        ) : (
          text(v)
        )}
        {names ? <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>（{names}）</Typography.Text> : null}
      </li>
    );
  };

  if (!validation) {
    return props.failed ? (
      <Alert data-testid="entry-validation" data-state="failed" type="warning" showIcon title={errorText(props.failed, lang)} style={{ marginBottom: 12 }} />
    ) : props.checking ? (
      <div data-testid="entry-validation" data-state="checking" style={{ marginBottom: 12 }}>
        <Spin size="small" /> <Typography.Text type="secondary">{t('entry.checking')}</Typography.Text>
      </div>
    ) : null;
  }

  const { errors, warnings } = validation;
  const type = errors.length ? 'error' : warnings.length ? 'warning' : 'success';
  const title =
    type === 'success'
      ? t('entry.validOk')
      : t('entry.validSummary', { errors: errors.length, warnings: warnings.length });
  return (
    <Alert
      data-testid="entry-validation"
      data-state={type}
      data-errors={errors.length}
      data-warnings={warnings.length}
      type={type}
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <span>
          {title}
          {props.checking ? <Spin size="small" style={{ marginInlineStart: 8 }} /> : null}
        </span>
      }
      description={
        type === 'success' ? undefined : (
          <div>
            {errors.length ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('entry.errorsBlock')}</Typography.Text> : null}
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {errors.map((v) => item(v, '#cf1322'))}
              {warnings.map((v) => item(v, '#d48806'))}
            </ul>
            {warnings.length ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('entry.warningsNeedComment')}</Typography.Text> : null}
          </div>
        )
      }
    />
  );
}
