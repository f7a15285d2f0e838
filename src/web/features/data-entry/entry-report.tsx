/**
 * The report of one facility for one year: the form (only the elements that apply to the facility
 * type, in the metadata's sections), validation as you type, 保存草稿 and 提交.
 */
import { CopyOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Grid, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, errorText } from '../../shared/api.js';
import { useI18n } from '../../shared/i18n.js';
import type { DataSetMeta } from '../../shared/use-metadata.js';
import { EntryField, FORM_NAME } from './entry-field.js';
import { EntryHeader } from './entry-header.js';
import { EntrySubmitModal } from './entry-submit-modal.js';
import { EntryValidationAlert } from './entry-validation-alert.js';
import { useReportHistory } from './field-history.js';
import { reportApi, type ReportAnswer, type ReportDto } from './report-api.js';
import { toFormValues, toReportValues } from './report-values.js';
import { useEntryValidation } from './use-entry-validation.js';

export function EntryReport(props: {
  answer: ReportAnswer;
  meta: DataSetMeta;
  facility: string;
  period: string;
  onDirtyChange: (dirty: boolean) => void;
  onReload: () => void;
}) {
  const { answer, meta, facility, period, onDirtyChange } = props;
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const phone = Grid.useBreakpoint().md === false;
  const [report, setReport] = useState<ReportDto | null>(answer.report);
  const [dirty, setDirtyState] = useState(false);
  const [saving, setSaving] = useState<'save' | 'submit' | null>(null);
  const [submitOpen, setSubmitOpen] = useState(false);
  const { validation, setValidation, checking, failed, schedule, now, cancel, byElement } = useEntryValidation(period, facility);
  const { history, invalidate } = useReportHistory(period, facility);
  const locked = Boolean(answer.locked);
  const codes = answer.elements;
  const previousPeriod = String(Number(period) - 1);

  const sections = useMemo(
    () =>
      meta.dataSet.sections
        .map((s) => ({ ...s, codes: s.elements.map((e) => e.code).filter((c) => codes.includes(c)) }))
        .filter((s) => s.codes.length > 0),
    [meta, codes],
  );
  // Elements the answer lists but no section holds (should not happen; shown rather than lost).
  const loose = useMemo(() => codes.filter((c) => !sections.some((s) => s.codes.includes(c))), [codes, sections]);
  const initialValues = useMemo(() => toFormValues(answer.report?.values, codes), [answer, codes]);

  const setDirty = useCallback(
    (d: boolean) => {
      setDirtyState(d);
      onDirtyChange(d);
    },
    [onDirtyChange],
  );

  const numeric = useMemo(
    () => new Set(codes.filter((c) => ['INTEGER', 'NUMBER'].includes(meta.elements.get(c)?.valueType ?? ''))),
    [codes, meta],
  );
  const values = useCallback(() => toReportValues(form.getFieldsValue(true) as Record<string, unknown>, codes, numeric), [form, codes, numeric]);

  /** The fields' own checks (numbers as typed); on failure the first wrong field is shown. */
  const fieldsValid = async (): Promise<boolean> => {
    try {
      await form.validateFields();
      return true;
    } catch (err) {
      message.error(t('entry.fixFields'));
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      if (first !== undefined) goTo(String(first));
      return false;
    }
  };

  // A saved report is checked at once, so a returned or imported report shows its problems.
  useEffect(() => {
    if (answer.report && !locked) void now(toReportValues(initialValues, codes));
    return cancel;
  }, [answer, locked, now, cancel, initialValues, codes]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const goTo = (code: string) => {
    form.scrollToField(code, { behavior: 'smooth', block: 'center', focus: true });
  };

  /** Last year's values into the fields still empty (nothing typed is overwritten); the clerk checks and saves. */
  const copyPrevious = () => {
    const current = form.getFieldsValue(true) as Record<string, unknown>;
    const empty = (c: string) => current[c] === undefined || current[c] === null || current[c] === '';
    const fill = Object.fromEntries(Object.entries(toFormValues(answer.previous, codes)).filter(([c]) => empty(c)));
    form.setFieldsValue(fill);
    setDirty(true);
    schedule(values());
    message.info(t('entry.copiedPrevious'));
  };

  const save = async () => {
    if (!(await fieldsValid())) return;
    setSaving('save');
    try {
      const r = await reportApi.save(period, facility, values());
      setReport(r.report);
      if (r.validation) setValidation(r.validation);
      setDirty(false);
      invalidate();
      message.success(t('entry.saved'));
    } catch (err) {
      message.error(errorText(err, lang));
    } finally {
      setSaving(null);
    }
  };

  const startSubmit = async () => {
    if (!(await fieldsValid())) return;
    const v = (await now(values())) ?? validation;
    if (v?.errors.length) {
      message.error(t('entry.fixErrors', { n: v.errors.length }));
      const first = v.errors[0].elements?.[0];
      if (first) goTo(first);
      return;
    }
    setSubmitOpen(true);
  };

  const submit = async (comment: string | undefined) => {
    setSaving('submit');
    try {
      const r = await reportApi.submit(period, facility, values(), comment);
      setReport(r.report);
      if (r.validation) setValidation(r.validation);
      setDirty(false);
      setSubmitOpen(false);
      message.success(t('entry.submitted'));
      props.onReload();
    } catch (err) {
      message.error(errorText(err, lang));
      if (err instanceof ApiError && err.code === 'E5001') {
        setSubmitOpen(false);
        void now(values());
      } else if (err instanceof ApiError && err.code === 'E5002') {
        void now(values()); // the modal stays open and now asks for the comment
      }
    } finally {
      setSaving(null);
    }
  };

  const errors = validation?.errors.length ?? 0;
  const warnings = validation?.warnings ?? [];

  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <EntryHeader
          facility={answer.facility}
          facilityCode={facility}
          period={period}
          report={report}
          locked={locked}
          lockedReason={lang === 'en' ? (answer.lockedReasonEn ?? answer.lockedReason) : answer.lockedReason}
          dirty={dirty}
        />
        {locked ? null : (
          <EntryValidationAlert validation={validation} checking={checking} failed={failed} elements={meta.elements} onGoTo={goTo} />
        )}
      </Card>
      {codes.length === 0 ? (
        <Card>
          <Empty description={t('entry.noElements')} />
        </Card>
      ) : (
        <Form
          form={form}
          name={FORM_NAME}
          data-testid="entry-form"
          // On a phone the form is one column: the label above its field.
          layout={phone ? 'vertical' : 'horizontal'}
          labelWrap
          labelCol={phone ? undefined : { flex: '0 0 300px' }}
          wrapperCol={phone ? undefined : { flex: '1 1 0' }}
          colon={false}
          disabled={locked}
          initialValues={initialValues}
          onValuesChange={() => {
            if (!dirty) setDirty(true);
            schedule(values());
          }}
        >
          {[...sections.map((s) => ({ key: s.code, title: pick(s.name, s.code), codes: s.codes })), ...(loose.length ? [{ key: '_', title: t('entry.otherSection'), codes: loose }] : [])].map(
            (s) => (
              <Card key={s.key} size="small" title={s.title} style={{ marginBottom: 12 }} data-section={s.key}>
                {s.codes.map((code) => (
                  <EntryField
                    key={code}
                    code={code}
                    element={meta.elements.get(code)}
                    optionSets={meta.optionSets}
                    issues={byElement.get(code)}
                    previous={answer.previous?.[code]}
                    previousPeriod={previousPeriod}
                    history={history}
                  />
                ))}
              </Card>
            ),
          )}
          <div
            style={{
              position: 'sticky',
              bottom: 0,
              zIndex: 2,
              background: '#fff',
              borderTop: '1px solid #e8ece9',
              padding: '10px 16px',
              display: 'flex',
              alignItems: 'center',
              gap: 12,
            }}
          >
            <Typography.Text type="secondary" style={{ flex: 1 }}>
              {locked ? t('entry.readOnly') : errors ? t('entry.submitBlocked', { n: errors }) : t('entry.hint')}
            </Typography.Text>
            <Space wrap>
              {answer.previous && !locked ? (
                <Button icon={<CopyOutlined />} disabled={saving !== null} onClick={copyPrevious} data-testid="entry-copy-previous">
                  {t('entry.copyPrevious')}
                </Button>
              ) : null}
              <Button icon={<SaveOutlined />} loading={saving === 'save'} disabled={locked || saving !== null} onClick={() => void save()} data-testid="entry-save">
                {t('entry.save')}
              </Button>
              <Tooltip title={errors ? t('entry.submitBlocked', { n: errors }) : undefined}>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={saving === 'submit'}
                  disabled={locked || errors > 0 || saving !== null}
                  onClick={() => void startSubmit()}
                  data-testid="entry-submit"
                >
                  {report?.status === 'SUBMITTED' || report?.status === 'RETURNED' ? t('entry.resubmit') : t('entry.submit')}
                </Button>
              </Tooltip>
            </Space>
          </div>
        </Form>
      )}
      <EntrySubmitModal
        open={submitOpen}
        warnings={warnings}
        initialComment={report?.comment}
        submitting={saving === 'submit'}
        onCancel={() => setSubmitOpen(false)}
        onSubmit={(c) => void submit(c)}
      />
    </div>
  );
}
