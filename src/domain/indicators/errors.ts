/** The indicators error catalogue: indicators and their values. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const INDICATOR_ERRORS = {
  E6001: { status: 404, zh: '指标不存在', en: 'Unknown indicator' },
  E6002: { status: 400, zh: '汇总层级须低于所选区域', en: 'The breakdown level must be at or below the area' },
  E6003: { status: 403, zh: '机构用户只能查看本机构的指标', en: 'A facility user sees only its own facility' },
  E6006: { status: 400, zh: '请求的数据量过大（{cells} 个单元，期间 × 指标 × 区域），最多 {limit} 个，请减少期间、指标或选择更高的汇总层级', en: 'Answer too large ({cells} cells, periods × indicators × areas), at most {limit}: ask for fewer periods or indicators, or a higher breakdown level' },
  E6007: { status: 503, zh: '指标计算繁忙，请稍后再试', en: 'Analytics busy: please retry shortly' },
  E6005: { status: 400, zh: '差距清单超过 {limit} 行，无法导出为一个文件，请选择更小的区域', en: 'The gap list is over {limit} rows, more than one file holds: choose a smaller area' },
} as const satisfies Record<string, ErrorDef>;
