/** Users, roles and the password policy (等保 level 3 practice). Pure, no I/O. */

export const ROLES = ['SYSTEM_ADMIN', 'AREA_ADMIN', 'FACILITY_REPORTER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  SYSTEM_ADMIN: { zh: '系统管理员', en: 'System administrator' },
  AREA_ADMIN: { zh: '区域管理员', en: 'Area administrator' },
  FACILITY_REPORTER: { zh: '机构填报员', en: 'Facility reporter' },
  VIEWER: { zh: '查看者', en: 'Viewer' },
};

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;

/** ≥ 8 characters, at least 3 of 4 classes (upper, lower, digit, symbol). */
export function passwordMeetsPolicy(password: string): boolean {
  if (password.length < 8) return false;
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  disabled: boolean;
}
