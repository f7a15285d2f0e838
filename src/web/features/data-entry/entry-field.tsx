/**
 * One field of the entry form: the input for its value type (是/否, whole number ≥ 0, technique
 * categories), the previous period's value beside it, its history, and the rule messages under it.
 */
import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import type { DataElement, DataValue, OptionSet } from '../../../domain/program.js';
import { useI18n } from '../../shared/i18n.js';
import { FieldHistory, type ReportHistory } from './field-history.js';
import { formatValue, numberProblem, parseNumberInput } from './report-values.js';
import type { FieldIssues } from './use-entry-validation.js';

export const FORM_NAME = 'entry-form';

/** What Form.Item injects into its child (value, onChange, id, …), passed on to the real input. */
type Injected = Record<string, unknown>;

function Control({
  element,
  optionSets,
  status,
  ...injected
}: { element: DataElement; optionSets: Map<string, OptionSet>; status?: 'error' | 'warning' } & Injected) {
  const { t, lang } = useI18n();
  switch (element.valueType) {
    case 'BOOLEAN':
      return (
        <Radio.Group
          {...injected}
          optionType="button"
          options={[
            { value: true, label: t('entry.yes') },
            { value: false, label: t('entry.no') },
          ]}
        />
      );
    case 'INTEGER':
    case 'NUMBER':
      // A text field, not a spinner that clamps -5 to 0 or drops "abc": what is typed stays, and the field says what is wrong.
      return <Input {...injected} inputMode={element.valueType === 'INTEGER' ? 'numeric' : 'decimal'} status={status} style={{ width: 200, maxWidth: '100%' }} />;
    case 'MULTI_OPTION': {
      const options = optionSets.get(element.optionSet ?? '')?.options ?? [];
      return (
        <Checkbox.Group
          {...injected}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', rowGap: 6, width: '100%' }}
          options={options.map((o) => ({ value: o.code, label: o.name[lang] }))}
        />
      );
    }
    default:
      return <Input {...injected} status={status} style={{ width: 320 }} />;
  }
}

export function EntryField(props: {
  code: string;
  element: DataElement | undefined;
  optionSets: Map<string, OptionSet>;
  issues: FieldIssues | undefined;
  previous: DataValue | undefined;
  previousPeriod: string;
  history: ReportHistory;
}) {
  const { t, lang, pick } = useI18n();
  const { code, element, issues } = props;
  const status = issues?.errors.length ? 'error' : issues?.warnings.length ? 'warning' : undefined;
  const text = (v: { message: string; messageEn?: string }) => (lang === 'en' ? (v.messageEn ?? v.message) : v.message);
  const help = issues && (issues.errors.length || issues.warnings.length) ? (
    <div data-testid={`entry-issues-${code}`}>
      {issues.errors.map((v) => (
        <div key={`e-${v.rule}`}>{text(v)}</div>
      ))}
      {issues.warnings.map((v) => (
        <div key={`w-${v.rule}`} style={{ color: '#d48806' }}>
          {text(v)}
        </div>
      ))}
    </div>
  ) : undefined;
  const hasPrevious = props.previous !== undefined && props.previous !== null;

  if (!element) {
    return (
      <Form.Item label={code}>
        <Typography.Text type="secondary">{t('entry.unknownElement')}</Typography.Text>
      </Form.Item>
    );
  }
  const multi = element.valueType === 'MULTI_OPTION';
  const numeric = element.valueType === 'INTEGER' || element.valueType === 'NUMBER';

  return (
    <Form.Item
      label={pick(element.name, code)}
      htmlFor={`${FORM_NAME}_${code}`}
      tooltip={element.help ? pick(element.help) : undefined}
      validateStatus={status}
      help={help}
      data-element={code}
      style={{ marginBottom: 14 }}
    >
      <div style={{ display: 'flex', alignItems: multi ? 'flex-start' : 'center', gap: 12 }}>
        <div style={{ flex: multi ? 1 : 'none', minWidth: 0 }}>
          <Form.Item
            name={code}
            noStyle
            {...(numeric
              ? {
                  normalize: parseNumberInput,
                  getValueProps: (v: unknown) => ({ value: v === undefined || v === null ? '' : String(v) }),
                  rules: [
                    {
                      validator: (_: unknown, v: unknown) => {
                        const p = numberProblem(v, element);
                        return p ? Promise.reject(new Error(t(p.key, { min: p.min ?? 0, max: p.max ?? 0 }))) : Promise.resolve();
                      },
                    },
                  ],
                }
              : {})}
          >
            <Control element={element} optionSets={props.optionSets} status={status} />
          </Form.Item>
        </div>
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, flex: multi ? 'none' : 1, maxWidth: multi ? 220 : undefined }}
          data-testid={`entry-previous-${code}`}
        >
          {hasPrevious
            ? t('entry.previousValue', {
                period: props.previousPeriod,
                value: formatValue(props.previous, element, props.optionSets, lang),
              })
            : null}
        </Typography.Text>
        <FieldHistory code={code} element={element} optionSets={props.optionSets} history={props.history} />
      </div>
    </Form.Item>
  );
}
