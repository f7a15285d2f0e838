/**
 * A form that saves to the server, usually in a modal: busy while saving; a field the server names
 * gets its message under that field (applyServerError), anything else is `error`, shown above the form.
 */
import { Form, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { applyServerError } from './form-errors.js';
import { useI18n } from './i18n.js';

export interface FormModal<V> {
  form: FormInstance<V>;
  busy: boolean;
  error: unknown;
  /** The form's onFinish: runs `save`, then sorts a failure onto a field or into `error`. */
  submit: (values: V) => Promise<void>;
  /** For onValuesChange: the message above the form goes once the user changes something. */
  clearError: () => void;
  /** Spread onto the Modal: open, the OK button submitting the form with its spinner, a clean form on each opening. */
  modalProps: { open: boolean; confirmLoading: boolean; onOk: () => void; afterClose: () => void; destroyOnHidden: true };
}

export function useFormModal<V>(options: { open?: boolean; fields: readonly string[]; save: (values: V) => Promise<void> }): FormModal<V> {
  const { open = true, fields, save } = options;
  const { lang } = useI18n();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clearError = useCallback(() => setError(null), []);

  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await save(values);
    } catch (err) {
      if (!applyServerError(form, err, lang, fields)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return {
    form,
    busy,
    error,
    submit,
    clearError,
    modalProps: { open, confirmLoading: busy, onOk: () => form.submit(), afterClose: clearError, destroyOnHidden: true },
  };
}
