/** The favourites error catalogue: saved analyses. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const FAVOURITE_ERRORS = {
  E1106: { status: 404, zh: '收藏不存在', en: 'Favourite not found' },
  E1107: { status: 400, zh: '收藏已达上限（{limit} 个），请先删除不用的收藏', en: 'At most {limit} favourites: delete some first' },
} as const satisfies Record<string, ErrorDef>;
