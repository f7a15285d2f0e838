/**
 * The error catalogue: every error a user can cause has a stable code, an HTTP status and a
 * message in Chinese and English. Codes never change meaning once released.
 */

export interface ErrorDef {
  status: number;
  zh: string;
  en: string;
}

export const ERRORS = {
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
  E1101: { status: 404, zh: '行政区划不存在', en: 'Division not found' },
  E1102: { status: 404, zh: '机构不存在', en: 'Facility not found' },
  E1103: { status: 404, zh: '用户不存在', en: 'User not found' },
  E1104: { status: 404, zh: '数据集不存在', en: 'Data set not found' },
  E1105: { status: 404, zh: '报表不存在', en: 'Report not found' },
  E1106: { status: 404, zh: '收藏不存在', en: 'Favourite not found' },
  E1107: { status: 400, zh: '收藏已达上限（100 个），请先删除不用的收藏', en: 'At most 100 favourites: delete some first' },
  E1201: { status: 409, zh: '机构编码已存在', en: 'Facility code already exists' },
  E1202: { status: 409, zh: '用户名已存在', en: 'Username already exists' },
  E1301: { status: 400, zh: '机构类型与所属行政区划层级不符', en: 'Facility type does not fit the level of its division' },
  E1302: { status: 409, zh: '机构已撤销', en: 'Facility is already closed' },
  E1303: { status: 400, zh: '撤销日期不能早于成立日期', en: 'Closing date cannot precede the opening date' },
  E1304: { status: 400, zh: '机构编码格式不正确（2–40 位字母、数字、- 或 _，且不能全为数字）', en: 'Malformed facility code (2–40 letters, digits, - or _, not all digits)' },
  E1401: { status: 400, zh: '数据元不存在', en: 'Unknown data element' },
  E1402: { status: 400, zh: '该数据元不适用于此类机构', en: 'Data element does not apply to this facility type' },
  E1403: { status: 400, zh: '数值类型不正确', en: 'Wrong value type' },
  E1404: { status: 400, zh: '选项不存在', en: 'Unknown option' },
  E1405: { status: 400, zh: '机构在该期间未运营', en: 'Facility is not open in that period' },
  E4001: { status: 400, zh: '机构编码不存在', en: 'Unknown org_code' },
  E4002: { status: 403, zh: '机构不在您的管辖范围内', en: 'Facility outside your scope' },
  E4003: { status: 400, zh: '机构在该期间未运营（未成立或已撤销）', en: 'Facility not open in that period (not yet opened or closed)' },
  E4004: { status: 400, zh: '期间格式不正确', en: 'Malformed period' },
  E4005: { status: 400, zh: '该数据元不适用于此类机构', en: 'Element does not apply to this facility type' },
  E4006: { status: 400, zh: '未知的列', en: 'Unknown column' },
  E4007: { status: 400, zh: '数值类型不正确', en: 'Wrong value type' },
  E4008: { status: 400, zh: '未知的中医药技术方法类别', en: 'Unknown technique category' },
  E4009: { status: 400, zh: '违反审核规则', en: 'Validation rule violated' },
  E4010: { status: 400, zh: '同一机构同一期间在文件中出现多次', en: 'Same facility and period twice in the file' },
  E4011: { status: 409, zh: '数据已由本级或上级审核，不能修改', en: 'Already approved at or above your level' },
  E4012: { status: 400, zh: '缺少 org_code 或 period 列', en: 'Missing org_code or period column' },
  E4013: { status: 400, zh: '无法读取文件（仅支持 UTF-8 CSV 或 XLSX）', en: 'Unreadable file (UTF-8 CSV or XLSX only)' },
  E4014: { status: 413, zh: '文件过大：最多 {limit}', en: 'File too large: at most {limit}' },
  E4015: { status: 400, zh: '行数过多：最多 {limit} 行', en: 'Too many rows: at most {limit}' },
  E4016: { status: 400, zh: '列数过多：最多 {limit} 列', en: 'Too many columns: at most {limit}' },
  E4017: { status: 400, zh: '单元格内容过长：最多 {limit} 个字符', en: 'Cell too long: at most {limit} characters' },
  E4018: { status: 400, zh: 'XLSX 文件解压后过大：最多 {limit}', en: 'XLSX file too large once uncompressed: at most {limit}' },
  E4019: { status: 400, zh: '文件未上传完整（连接中断），请重新上传', en: 'The upload did not complete (connection lost): upload the file again' },
  E5001: { status: 400, zh: '存在未通过的审核规则，不能提交', en: 'Validation errors: cannot submit' },
  E5002: { status: 400, zh: '存在预警，请填写说明后提交', en: 'Warnings: add a comment to submit' },
  E5101: { status: 409, zh: '该报表不在等待您这一级审核', en: 'Report is not waiting for your level' },
  E5102: { status: 409, zh: '报表已由本级或上级审核锁定，请由上级退回后再修改', en: 'Locked by an approval at or above your level: ask a higher level to return it' },
  E5103: { status: 400, zh: '退回必须填写原因', en: 'A reason is required to return a report' },
  E5104: { status: 409, zh: '该报表当前不能退回', en: 'Report cannot be returned now' },
  E6001: { status: 404, zh: '指标不存在', en: 'Unknown indicator' },
  E6002: { status: 400, zh: '汇总层级须低于所选区域', en: 'The breakdown level must be at or below the area' },
  E6003: { status: 403, zh: '机构用户只能查看本机构的指标', en: 'A facility user sees only its own facility' },
  E6004: { status: 404, zh: '该区域暂无边界数据（地图）', en: 'No boundary data (map) for this area' },
  E6006: { status: 400, zh: '请求的数据量过大（{cells} 个单元，期间 × 指标 × 区域），最多 {limit} 个，请减少期间、指标或选择更高的汇总层级', en: 'Answer too large ({cells} cells, periods × indicators × areas), at most {limit}: ask for fewer periods or indicators, or a higher breakdown level' },
  E6007: { status: 503, zh: '指标计算繁忙，请稍后再试', en: 'Analytics busy: please retry shortly' },
  E6005: { status: 400, zh: '差距清单超过 100,000 行，无法导出为一个文件，请选择更小的区域', en: 'The gap list is over 100,000 rows, more than one file holds: choose a smaller area' },
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
  E2101: { status: 403, zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  E2102: { status: 403, zh: '超出您的管辖范围', en: 'Outside your area of responsibility' },
  E2103: { status: 400, zh: '角色与管辖范围不匹配', en: 'Role does not fit the scope' },
  E3001: { status: 400, zh: '命令参数不正确', en: 'Invalid command arguments' },
  E3002: { status: 409, zh: '数据库尚未初始化，请先运行 gtcm init', en: 'Database not initialised: run `gtcm init` first' },
  E3003: { status: 409, zh: '存储正在使用中（平台服务正在运行，进程 {pid}），请先停止服务', en: 'The store is in use (the platform is running, process {pid}): stop it first' },
  E3004: { status: 400, zh: '请勿在命令行中写密码：请在提示时输入，或用 --password-stdin、环境变量 GTCM_PASSWORD', en: 'Never put a password on the command line: type it at the prompt, or use --password-stdin or GTCM_PASSWORD' },
  E9000: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  value?: unknown;
  [key: string]: unknown;
}

/** Fills `{name}` placeholders of a catalogue message from the error's detail. */
export function fillMessage(template: string, detail: ErrorDetail): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (detail[k] === undefined ? m : typeof detail[k] === 'number' ? (detail[k] as number).toLocaleString('en-US') : String(detail[k])));
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly zh: string;
  readonly en: string;
  readonly detail: ErrorDetail;

  constructor(code: ErrorCode, detail: ErrorDetail = {}, extra?: { zh?: string; en?: string }) {
    const def = ERRORS[code];
    const base = { zh: fillMessage(def.zh, detail), en: fillMessage(def.en, detail) };
    const zh = extra?.zh ? `${base.zh}：${extra.zh}` : base.zh;
    const en = extra?.en ? `${base.en}: ${extra.en}` : base.en;
    super(`${code} ${zh} / ${en}`);
    this.name = 'AppError';
    this.code = code;
    this.status = def.status;
    this.zh = zh;
    this.en = en;
    this.detail = detail;
  }

  toJSON() {
    return { code: this.code, message: this.zh, messageEn: this.en, ...this.detail };
  }
}
