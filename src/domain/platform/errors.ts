/** The platform error catalogue: bad input in general, framework errors, access (role, scope), the CLI, the server. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const PLATFORM_ERRORS = {
  E1000: { status: 400, zh: '输入不合法', en: 'Invalid input' },
  E1001: { status: 400, zh: '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  E1002: { status: 400, zh: '期间格式不正确', en: 'Malformed period' },
  E1003: { status: 400, zh: '期间超出范围（{min}–{max} 年）', en: 'Period out of range ({min}–{max})' },
  E1004: { status: 400, zh: '列表项过多：最多 {limit} 项', en: 'Too many items in the list: at most {limit}' },
  E1005: { status: 400, zh: '未知的取值', en: 'Unknown value' },
  E1006: { status: 400, zh: '请求内容嵌套过深或格式不正确', en: 'Request body nested too deeply or malformed' },
  E1007: { status: 413, zh: '请求内容过大：最多 {limit}', en: 'Request body too large: at most {limit}' },
  E1008: { status: 408, zh: '请求超时，请重试', en: 'Request timed out: please retry' },
  E1009: { status: 429, zh: '请求过于频繁，请 {retryAfter} 秒后再试', en: 'Too many requests: retry in {retryAfter} s' },
  E1010: { status: 503, zh: '服务繁忙，请稍后再试', en: 'Server busy: please retry shortly' },
  E1011: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  E1012: { status: 404, zh: '接口或文件不存在', en: 'No such endpoint or file' },
  E1013: { status: 405, zh: '不支持的请求方法', en: 'Method not allowed' },
  E2101: { status: 403, zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  E2102: { status: 403, zh: '超出您的管辖范围', en: 'Outside your area of responsibility' },
  E2103: { status: 400, zh: '角色与管辖范围不匹配', en: 'Role does not fit the scope' },
  E3001: { status: 400, zh: '命令参数不正确', en: 'Invalid command arguments' },
  E3002: { status: 409, zh: '数据库尚未初始化，请先运行 gtcm init', en: 'Database not initialised: run `gtcm init` first' },
  E3003: { status: 409, zh: '存储正在使用中（平台服务正在运行，进程 {pid}），请先停止服务', en: 'The store is in use (the platform is running, process {pid}): stop it first' },
  E3004: { status: 400, zh: '请勿在命令行中写密码：请在提示时输入，或用 --password-stdin、环境变量 GTCM_PASSWORD', en: 'Never put a password on the command line: type it at the prompt, or use --password-stdin or GTCM_PASSWORD' },
  E9000: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ErrorDef>;
