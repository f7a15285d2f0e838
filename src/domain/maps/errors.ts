/** The maps error catalogue: boundaries. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const MAP_ERRORS = {
  E6004: { status: 404, zh: '该区域暂无边界数据（地图）', en: 'No boundary data (map) for this area' },
} as const satisfies Record<string, ErrorDef>;
