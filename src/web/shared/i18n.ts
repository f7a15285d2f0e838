/**
 * UI language (zh first, en second), kept in localStorage; a tiny store read with useSyncExternalStore.
 * The common texts are here; each feature's own texts are in its folder (features/<module>/i18n.ts)
 * and merged below, so that MessageKey knows every key.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { approvalEn, approvalZh } from '../features/approval/i18n.js';
import { evaluationEn, evaluationZh } from '../features/evaluation/i18n.js';
import { supervisionEn, supervisionZh } from '../features/supervision/i18n.js';
import { assistanceEn, assistanceZh } from '../features/assistance/i18n.js';
import { auditEn, auditZh } from '../features/audit/i18n.js';
import { entryEn, entryZh } from '../features/data-entry/i18n.js';
import { identityEn, identityZh } from '../features/identity/i18n.js';
import { importEn, importZh } from '../features/import-export/i18n.js';
import { analysisEn, analysisZh } from '../features/indicators/analysis-i18n.js';
import { dashboardEn, dashboardZh } from '../features/indicators/dashboard-i18n.js';
import { indicatorsEn, indicatorsZh } from '../features/indicators/i18n.js';
import { orgUnitsEn, orgUnitsZh } from '../features/org-units/i18n.js';
import { HELP_EN, HELP_ZH } from '../features/help/help-i18n.js';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'gtcm.lang';

const coreZh = {
  'app.title': '基层中医药服务能力监测评价平台',
  'app.shortTitle': '基层中医药监测评价',
  'nav.menu': '菜单',
  'engine.building': '分析数据表正在生成，指标页面将在完成后显示数据',
  'engine.eta': '预计还需约 {s} 秒',
  'engine.etaUnknown': '正在估算剩余时间……',
  'app.short': '基层中医药监测评价',
  'login.subtitle': '国家基层中医药服务网络 · 监测 · 评价 · 督导',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.failed': '登录失败',
  'login.sessionExpired': '会话已结束，请重新登录',
  'login.footer': '请妥善保管账号密码；忘记密码或账号被锁定、停用时，请联系管理员',
  'nav.divisions': '行政区划',
  'nav.facilities': '机构管理',
  'nav.users': '用户管理',
  'nav.audit': '审计日志',
  'nav.logout': '退出登录',
  'common.loading': '加载中…',
  'common.search': '搜索',
  'common.reset': '重置',
  'common.all': '全部',
  'common.total': '合计',
  'common.code': '编码',
  'common.name': '名称',
  'common.actions': '操作',
  'common.edit': '编辑',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.ok': '确定',
  'common.none': '无',
  'common.loadFailed': '加载失败',
  'common.retry': '重试',
  'common.totalItems': '共 {n} 条',
  'common.notFound': '页面不存在',
  'common.backHome': '返回首页',
  'lang.switch': 'English',
};

const zh = {
  ...coreZh,
  ...orgUnitsZh,
  ...identityZh,
  ...auditZh,
  ...entryZh,
  ...importZh,
  ...approvalZh,
  ...evaluationZh,
  ...supervisionZh,
  ...assistanceZh,
  ...dashboardZh,
  ...indicatorsZh,
  ...analysisZh,
  ...HELP_ZH,
};

export type MessageKey = keyof typeof zh;

const coreEn: Record<keyof typeof coreZh, string> = {
  'app.title': 'Grassroots TCM Monitor',
  'app.shortTitle': 'Grassroots TCM',
  'nav.menu': 'Menu',
  'engine.building': 'The analytics tables are being built: figure pages show their data when it is done',
  'engine.eta': 'About {s} s left',
  'engine.etaUnknown': 'Estimating the time left…',
  'app.short': 'Grassroots TCM Monitor',
  'login.subtitle': 'National grassroots TCM service network · monitoring · evaluation · supervision',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.failed': 'Login failed',
  'login.sessionExpired': 'Your session has ended: please log in again',
  'login.footer': 'Keep your password safe; ask your administrator about a forgotten password or a locked or disabled account',
  'nav.divisions': 'Divisions',
  'nav.facilities': 'Facilities',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'nav.logout': 'Log out',
  'common.loading': 'Loading…',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.all': 'All',
  'common.total': 'Total',
  'common.code': 'Code',
  'common.name': 'Name',
  'common.actions': 'Actions',
  'common.edit': 'Edit',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.ok': 'OK',
  'common.none': 'None',
  'common.loadFailed': 'Failed to load',
  'common.retry': 'Retry',
  'common.totalItems': '{n} in total',
  'common.notFound': 'Page not found',
  'common.backHome': 'Back to start',
  'lang.switch': '中文',
};

const en: Record<MessageKey, string> = {
  ...coreEn,
  ...orgUnitsEn,
  ...identityEn,
  ...auditEn,
  ...entryEn,
  ...importEn,
  ...approvalEn,
  ...evaluationEn,
  ...supervisionEn,
  ...assistanceEn,
  ...dashboardEn,
  ...indicatorsEn,
  ...analysisEn,
  ...HELP_EN,
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

function readStored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = typeof window === 'undefined' ? 'zh' : readStored();
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: keep the choice for this page only */
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates a key, filling `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Picks the right half of a `{ zh, en }` label (domain label tables). */
  pick: (label: { zh: string; en: string } | undefined, fallback?: string) => string;
}

export function useI18n(): I18n {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);
  const pick = useCallback(
    (label: { zh: string; en: string } | undefined, fallback = '') => (label ? label[lang] : fallback),
    [lang],
  );
  return { lang, setLang, t, pick };
}
