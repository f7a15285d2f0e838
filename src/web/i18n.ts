/** UI language (zh first, en second), kept in localStorage; a tiny store read with useSyncExternalStore. */
import { useCallback, useSyncExternalStore } from 'react';
import { collectEn, collectZh } from './i18n-collect.js';
import { analysisEn, analysisZh } from './i18n-analysis.js';
import { dashboardEn, dashboardZh } from './i18n-dashboard.js';
import { entryEn, entryZh } from './i18n-entry.js';
import { indicatorsEn, indicatorsZh } from './i18n-indicators.js';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'gtcm.lang';

const coreZh = {
  'app.title': '基层中医药服务能力监测评价平台',
  'app.short': '基层中医药监测评价',
  'login.subtitle': '国家基层中医药服务网络 · 监测 · 评价 · 督导',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.failed': '登录失败',
  'login.sessionExpired': '会话已结束，请重新登录',
  'login.footer': '请妥善保管账号密码；连续 5 次登录失败将锁定 15 分钟',
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
  'div.searchPlaceholder': '搜索行政区划名称或编码',
  'div.noResults': '无匹配结果',
  'div.level': '层级',
  'div.kind': '类型',
  'div.nation': '全国',
  'div.nationLevel': '国家级',
  'div.childCount': '下级数量',
  'div.facilityTotal': '机构总数',
  'div.children': '下级区划机构统计',
  'div.viewFacilities': '查看机构',
  'div.selectHint': '请在左侧选择行政区划',
  'div.openFacilities': '在用机构（不含已撤销）',
  'fac.area': '所属区域',
  'fac.areaPlaceholder': '输入区划名称搜索',
  'fac.type': '机构类型',
  'fac.q': '名称或编码',
  'fac.status': '状态',
  'fac.status.open': '在用',
  'fac.status.closed': '已撤销',
  'fac.status.all': '全部',
  'fac.code': '机构编码',
  'fac.name': '机构名称',
  'fac.division': '所属区划',
  'fac.ownership': '所有制',
  'fac.opened': '成立日期',
  'fac.closed': '撤销日期',
  'fac.closedTag': '已撤销',
  'fac.attributes': '其他属性',
  'fac.path': '区划路径',
  'fac.add': '新增机构',
  'fac.editTitle': '编辑机构',
  'fac.addTitle': '新增机构',
  'fac.close': '撤销',
  'fac.closeTitle': '撤销机构',
  'fac.closeConfirm': '撤销后该机构不再计入在用机构统计，此操作会记入审计日志。',
  'fac.detail': '机构详情',
  'fac.created': '机构已新增',
  'fac.saved': '机构已保存',
  'fac.closedOk': '机构已撤销',
  'fac.levelHint': '{type}应隶属于{level}行政区划',
  'fac.codeHint': '2–40 位字母、数字、- 或 _，且不能全为数字',
  'fac.required': '请填写{field}',
  'user.username': '用户名',
  'user.displayName': '姓名',
  'user.role': '角色',
  'user.scope': '管辖范围',
  'user.status': '状态',
  'user.active': '正常',
  'user.disabled': '已停用',
  'user.password': '初始密码',
  'user.passwordPolicy': '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
  'user.add': '新增用户',
  'user.passwordWeak': '密码强度不足，请按下方提示设置',
  'user.created': '用户已创建',
  'user.scopeFacility': '选择机构（机构填报员）',
  'user.scopeDivision': '选择行政区划',
  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '操作',
  'audit.entity': '对象类型',
  'audit.key': '对象标识',
  'audit.entity.facility': '机构',
  'audit.entity.user': '用户',
  'audit.entity.report': '报表',
  'audit.field': '字段',
  'audit.before': '修改前',
  'audit.after': '修改后',
  'audit.noChange': '无字段变化',
  'audit.changed': '{n} 项变化',
  'audit.changes': '变化',
  'lang.switch': 'English',
};

const zh = { ...coreZh, ...entryZh, ...collectZh, ...dashboardZh, ...indicatorsZh, ...analysisZh };

export type MessageKey = keyof typeof zh;

const coreEn: Record<keyof typeof coreZh, string> = {
  'app.title': 'Grassroots TCM Monitor',
  'app.short': 'Grassroots TCM Monitor',
  'login.subtitle': 'National grassroots TCM service network · monitoring · evaluation · supervision',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.failed': 'Login failed',
  'login.sessionExpired': 'Your session has ended: please log in again',
  'login.footer': 'Keep your password safe; 5 failed logins lock the account for 15 minutes',
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
  'div.searchPlaceholder': 'Search divisions by name or code',
  'div.noResults': 'No matches',
  'div.level': 'Level',
  'div.kind': 'Kind',
  'div.nation': 'China',
  'div.nationLevel': 'National',
  'div.childCount': 'Sub-divisions',
  'div.facilityTotal': 'Facilities',
  'div.children': 'Facilities by sub-division',
  'div.viewFacilities': 'View facilities',
  'div.selectHint': 'Select a division on the left',
  'div.openFacilities': 'Open facilities (closed ones excluded)',
  'fac.area': 'Area',
  'fac.areaPlaceholder': 'Type a division name',
  'fac.type': 'Type',
  'fac.q': 'Name or code',
  'fac.status': 'Status',
  'fac.status.open': 'Open',
  'fac.status.closed': 'Closed',
  'fac.status.all': 'All',
  'fac.code': 'Code',
  'fac.name': 'Name',
  'fac.division': 'Division',
  'fac.ownership': 'Ownership',
  'fac.opened': 'Opened',
  'fac.closed': 'Closed',
  'fac.closedTag': 'Closed',
  'fac.attributes': 'Attributes',
  'fac.path': 'Division path',
  'fac.add': 'New facility',
  'fac.editTitle': 'Edit facility',
  'fac.addTitle': 'New facility',
  'fac.close': 'Close',
  'fac.closeTitle': 'Close facility',
  'fac.closeConfirm': 'A closed facility no longer counts as open. The change is recorded in the audit log.',
  'fac.detail': 'Facility',
  'fac.created': 'Facility created',
  'fac.saved': 'Facility saved',
  'fac.closedOk': 'Facility closed',
  'fac.levelHint': 'A {type} belongs to a {level} division',
  'fac.codeHint': '2–40 letters, digits, - or _, not all digits',
  'fac.required': 'Enter {field}',
  'user.username': 'Username',
  'user.displayName': 'Display name',
  'user.role': 'Role',
  'user.scope': 'Scope',
  'user.status': 'Status',
  'user.active': 'Active',
  'user.disabled': 'Disabled',
  'user.password': 'Initial password',
  'user.passwordPolicy': 'At least 8 characters from at least 3 of: upper case, lower case, digits, symbols',
  'user.add': 'New user',
  'user.passwordWeak': 'Password too weak: see the rule below',
  'user.created': 'User created',
  'user.scopeFacility': 'Choose a facility (facility reporter)',
  'user.scopeDivision': 'Choose a division',
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.entity': 'Entity',
  'audit.key': 'Key',
  'audit.entity.facility': 'Facility',
  'audit.entity.user': 'User',
  'audit.entity.report': 'Report',
  'audit.field': 'Field',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.noChange': 'No field changed',
  'audit.changed': '{n} changed',
  'audit.changes': 'Changes',
  'lang.switch': '中文',
};

const en: Record<MessageKey, string> = { ...coreEn, ...entryEn, ...collectEn, ...dashboardEn, ...indicatorsEn, ...analysisEn };

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
