/** The identity error catalogue: login, sessions, users and passwords. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const IDENTITY_ERRORS = {
  E1103: { status: 404, zh: '用户不存在', en: 'User not found' },
  E1202: { status: 409, zh: '用户名已存在', en: 'Username already exists' },
  E2001: { status: 401, zh: '请先登录', en: 'Login required' },
  E2002: { status: 401, zh: '用户名或密码错误（连续失败 5 次将锁定 15 分钟，停用或锁定的账号请联系管理员）', en: 'Wrong username or password (5 failures lock an account for 15 minutes; ask an administrator about a locked or disabled account)' },
  E2003: { status: 423, zh: '登录失败次数过多，账号已锁定 15 分钟', en: 'Too many failed logins: account locked for 15 minutes' },
  E2004: { status: 401, zh: '会话已超时，请重新登录', en: 'Session timed out: please log in again' },
  E2005: { status: 403, zh: '安全校验失败（CSRF），请刷新页面后重试', en: 'Security check failed (CSRF): reload the page and retry' },
  E2006: { status: 400, zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类', en: 'Password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols' },
  E2007: { status: 403, zh: '账号已停用', en: 'Account disabled' },
  E2008: { status: 400, zh: '密码过于常见或容易猜测，请换一个', en: 'Password too common or easy to guess: choose another' },
  E2009: { status: 403, zh: '请先修改密码', en: 'Change your password first' },
  E2010: { status: 400, zh: '原密码不正确', en: 'Current password is wrong' },
  E2011: { status: 401, zh: '会话已达最长时限，请重新登录', en: 'Session reached its maximum lifetime: please log in again' },
  E2012: { status: 429, zh: '登录尝试过于频繁，请 {retryAfter} 秒后再试', en: 'Too many login attempts: retry in {retryAfter} s' },
  E2013: { status: 400, zh: '不能对自己的账号执行此操作', en: 'You cannot do this to your own account' },
  E2014: { status: 400, zh: '新密码不能与用户名或原密码相同', en: 'The new password must differ from the username and the current password' },
  E2015: { status: 400, zh: '用户名为 2–40 位字母、数字、点、下划线或连字符', en: 'A username has 2–40 letters, digits, dots, underscores or hyphens' },
} as const satisfies Record<string, ErrorDef>;
