/** UI language (zh first, en second), kept in localStorage; a tiny store read with useSyncExternalStore. */
import { useCallback, useSyncExternalStore } from 'react';
import { analysisEn, analysisZh } from '../i18n-analysis.js';
import { collectEn, collectZh } from '../i18n-collect.js';
import { dashboardEn, dashboardZh } from '../i18n-dashboard.js';
import { entryEn, entryZh } from '../i18n-entry.js';
import { indicatorsEn, indicatorsZh } from '../i18n-indicators.js';

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
  'user.passwordPolicy': '至少 8 位，含大写字母、小写字母、数字、符号中的至少 3 类；不能包含用户名，不能是常见或容易猜到的密码',
  'user.add': '新增用户',
  'user.passwordWeak': '密码强度不足，请按下方提示设置',
  'user.created': '用户已创建',
  'user.scopeFacility': '选择机构（机构填报员）',
  'user.scopeDivision': '选择行政区划',
  'user.locked': '已锁定（至 {time}）',
  'user.mustChange': '须修改密码',
  'user.edit': '编辑用户',
  'user.saved': '用户已保存',
  'user.selfAccess': '不能修改自己的角色和管辖范围',
  'user.accessHint': '修改角色或管辖范围会结束该用户的所有会话',
  'user.disable': '停用',
  'user.enable': '启用',
  'user.unlock': '解锁',
  'user.resetPassword': '重置密码',
  'user.endSessions': '结束会话',
  'user.more': '更多',
  'user.disableTitle': '停用用户“{name}”？',
  'user.disableConfirm': '停用后该用户无法登录，其所有会话立即结束；之后可以重新启用。',
  'user.endSessionsTitle': '结束“{name}”的所有会话？',
  'user.endSessionsConfirm': '该用户在所有设备上的登录立即失效，需要重新登录。',
  'user.endSessionsSelf': '这也包括您现在的登录：确定后将回到登录页面。',
  'user.resetTitle': '重置“{name}”的密码',
  'user.resetNote': '该用户下次登录时必须修改这个临时密码；其当前所有会话立即结束。请通过安全渠道把临时密码告知本人。',
  'user.tempPassword': '临时密码',
  'user.passwordHasUsername': '密码不能包含用户名',
  'user.disabledOk': '已停用“{name}”，其会话已结束',
  'user.enabledOk': '已启用“{name}”',
  'user.unlockedOk': '已解锁“{name}”',
  'user.sessionsEndedOk': '已结束“{name}”的所有会话',
  'user.resetOk': '已重置“{name}”的密码，其下次登录时须修改',
  'password.change': '修改密码',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.mismatch': '两次输入的新密码不一致',
  'password.sameAsCurrent': '新密码不能与当前密码相同',
  'password.changed': '密码已修改；您在其他设备上的登录已全部结束',
  'password.forcedTitle': '请修改密码后继续',
  'password.forcedNote': '管理员已重置账号 {username} 的密码。请输入管理员告知的临时密码，并设置一个只有您自己知道的新密码。',
  'password.forcedSubmit': '修改密码并继续',
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
  'user.passwordPolicy': 'At least 8 characters from 3 of: upper case, lower case, digits, symbols; not containing the username, not a common or easily guessed password',
  'user.add': 'New user',
  'user.passwordWeak': 'Password too weak: see the rule below',
  'user.created': 'User created',
  'user.scopeFacility': 'Choose a facility (facility reporter)',
  'user.scopeDivision': 'Choose a division',
  'user.locked': 'Locked until {time}',
  'user.mustChange': 'Must change password',
  'user.edit': 'Edit user',
  'user.saved': 'User saved',
  'user.selfAccess': 'You cannot change your own role or scope',
  'user.accessHint': 'A new role or scope ends all of this user\'s sessions',
  'user.disable': 'Disable',
  'user.enable': 'Enable',
  'user.unlock': 'Unlock',
  'user.resetPassword': 'Reset password',
  'user.endSessions': 'End sessions',
  'user.more': 'More',
  'user.disableTitle': 'Disable “{name}”?',
  'user.disableConfirm': 'A disabled user cannot log in, and all their sessions end now. You can enable the account again later.',
  'user.endSessionsTitle': 'End all sessions of “{name}”?',
  'user.endSessionsConfirm': 'The user is logged out on every device and must log in again.',
  'user.endSessionsSelf': 'This includes your current login: you will return to the login page.',
  'user.resetTitle': 'Reset the password of “{name}”',
  'user.resetNote': 'The user must change this temporary password at the next login, and all their sessions end now. Tell it to them through a safe channel.',
  'user.tempPassword': 'Temporary password',
  'user.passwordHasUsername': 'The password must not contain the username',
  'user.disabledOk': '“{name}” disabled; their sessions have ended',
  'user.enabledOk': '“{name}” enabled',
  'user.unlockedOk': '“{name}” unlocked',
  'user.sessionsEndedOk': 'All sessions of “{name}” ended',
  'user.resetOk': 'Password of “{name}” reset: they must change it at the next login',
  'password.change': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.mismatch': 'The two new passwords differ',
  'password.sameAsCurrent': 'The new password must differ from the current one',
  'password.changed': 'Password changed; your logins on other devices have ended',
  'password.forcedTitle': 'Change your password to continue',
  'password.forcedNote': 'An administrator has reset the password of {username}. Enter the temporary password you were given and choose a new one that only you know.',
  'password.forcedSubmit': 'Change password and continue',
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
