/**
 * The fetch wrapper for the HTTP API (docs/API.md): same-origin cookies, JSON both ways, the
 * CSRF header on state-changing requests, typed errors, and a redirect to the login page on 401.
 */
import { getLang } from './i18n.js';

export interface ApiErrorBody {
  code: string;
  message: string;
  messageEn?: string;
  field?: string;
  row?: number;
  column?: string;
  [key: string]: unknown;
}

/** An error answered by the server (or a network failure, code `NETWORK`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly field?: string;
  readonly row?: number;
  readonly column?: string;

  constructor(status: number, body: ApiErrorBody) {
    super(`${body.code} ${body.message}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageZh = body.message;
    this.messageEn = body.messageEn ?? body.message;
    this.field = body.field;
    this.row = body.row;
    this.column = body.column;
  }

  /** The message in the current UI language. */
  text(lang = getLang()): string {
    return lang === 'en' ? this.messageEn : this.messageZh;
  }
}

/** The message of any thrown value, in the current UI language. */
export function errorText(err: unknown, lang = getLang()): string {
  if (err instanceof ApiError) return err.text(lang);
  if (err instanceof Error) return err.message;
  return String(err);
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function csrfFromCookie(): string | null {
  const m = document.cookie.match(/(?:^|;\s*)gtcm_csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

type UnauthorizedHandler = (err: ApiError) => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
};

/** The auth provider replaces the default (a full reload of /login) with an in-app redirect. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

let onPasswordChangeRequired: (err: ApiError) => void = () => undefined;

/** Called when any call answers 403 E2009 (the password must be changed first): the app shows that form. */
export function setPasswordChangeHandler(handler: (err: ApiError) => void): void {
  onPasswordChangeRequired = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not run the 401 handler (login and the first `me` call handle 401 themselves). */
  quiet401?: boolean;
  /** A body sent as is (a file) with its content type, instead of JSON. */
  raw?: { body: BodyInit; contentType: string };
}

const NETWORK_ERROR: ApiErrorBody = {
  code: 'NETWORK',
  message: '无法连接服务器，请检查网络后重试',
  messageEn: 'Cannot reach the server: check the network and retry',
};

function headersFor(method: string, opts: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.raw) headers['content-type'] = opts.raw.contentType;
  else if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  return headers;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  try {
    return await fetch(withQuery(path, opts.query), {
      method,
      headers: headersFor(method, opts),
      credentials: 'same-origin',
      body: opts.raw ? opts.raw.body : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR);
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The typed error of a failed response (and the 401 redirect unless `quiet401`). */
function failure(res: Response, data: unknown, opts: RequestOptions): ApiError {
  const raw = (data as { error?: unknown } | undefined)?.error;
  const body = raw && typeof raw === 'object' && 'code' in raw ? (raw as ApiErrorBody) : undefined;
  const err = new ApiError(
    res.status,
    body ?? { code: `HTTP${res.status}`, message: `服务器返回错误 ${res.status}`, messageEn: `Server error ${res.status}` },
  );
  if (res.status === 401 && !opts.quiet401) onUnauthorized(err);
  if (res.status === 403 && err.code === 'E2009') onPasswordChangeRequired(err);
  return err;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  const data = parseJson(await res.text());
  if (!res.ok) throw failure(res, data, opts);
  return data as T;
}

/** The file name of a download from `content-disposition` (RFC 5987 `filename*` first). */
function fileNameOf(res: Response): string | undefined {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = cd.match(/filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = cd.match(/filename\s*=\s*"?([^";]+)"?/i);
  return plain ? plain[1].trim() : undefined;
}

/** GETs a file (e.g. an XLSX template); errors are the JSON error body as for `request`. */
export async function requestBlob(path: string, query?: Query): Promise<{ blob: Blob; fileName?: string }> {
  const opts: RequestOptions = { query };
  const res = await send('GET', path, opts);
  if (!res.ok) throw failure(res, parseJson(await res.text()), opts);
  return { blob: await res.blob(), fileName: fileNameOf(res) };
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file as the raw request body (the CSRF header is kept). */
  postRaw: <T>(path: string, body: BodyInit, contentType: string, query?: Query) =>
    request<T>('POST', path, { query, raw: { body, contentType } }),
  getBlob: requestBlob,
};
