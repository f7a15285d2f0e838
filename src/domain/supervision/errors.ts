/** The supervision error catalogue: work points, plans, tasks, progress reports, rectification and the inbox. Codes never change meaning once released. */
import type { ErrorDef } from '../error-def.js';

export const SUPERVISION_ERRORS = {
  E8001: { status: 415, zh: '无法从该文件读出文字：{reason}。请上传 TXT、DOCX，或可提取文字的 PDF', en: 'No text could be read from the file: {reason}. Upload TXT, DOCX, or a PDF whose text can be extracted' },
  E8002: { status: 400, zh: '文中没有找到编号的工作要点（一、（一）1. 一是 …）', en: 'No numbered work points (一、（一）1. 一是 …) were found in the text' },
} as const satisfies Record<string, ErrorDef>;
