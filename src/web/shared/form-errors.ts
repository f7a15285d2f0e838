/** Puts a server validation error (message + field) onto an antd form. */
import type { FormInstance } from 'antd';
import { ApiError } from './api.js';
import type { Lang } from './i18n.js';

/**
 * Marks the offending field when the server names one that the form has; returns true then.
 * The caller shows the message in an alert either way.
 */
export function applyServerError(form: FormInstance, err: unknown, lang: Lang, fields: readonly string[]): boolean {
  if (!(err instanceof ApiError) || !err.field) return false;
  const field = err.field.split('.')[0];
  if (!fields.includes(field)) return false;
  form.setFields([{ name: field, errors: [err.text(lang)] }]);
  return true;
}
