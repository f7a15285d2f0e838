/**
 * What a file is, told by its content (its first bytes, and for DOCX/XLSX the parts of the zip),
 * never by its name or the type the client declared: a renamed .exe is an executable. Reads with
 * `file-type`, the field's library for magic numbers.
 */
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../domain/errors.js';

export interface ContentKind {
  ext: string;
  mime: string;
  /** As people name it: PDF, PNG 图片, Word (.docx) … */
  label: string;
}

/** The kinds evidence may be: PDF, images, Word and Excel (evaluation.md, "Evidence"). */
export const EVIDENCE_KINDS: readonly ContentKind[] = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  { ext: 'jpg', mime: 'image/jpeg', label: 'JPG' },
  { ext: 'png', mime: 'image/png', label: 'PNG' },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (.docx)' },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (.xlsx)' },
];

/** Names for what is refused, so the message says what the file really is. */
const OTHER_LABELS: Record<string, string> = {
  exe: 'Windows 可执行程序 (.exe)',
  elf: 'Linux 可执行程序',
  cfb: 'Office 97–2003 文件 (.doc/.xls)',
  zip: 'ZIP 压缩包',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
  html: 'HTML 网页',
};

const labelOf = (ext: string | undefined) => (ext === undefined ? '无法识别的内容（如纯文本）' : (OTHER_LABELS[ext] ?? `.${ext}`));

/** The file's kind among `allowed`, or E1014 naming what it is and what is accepted; E1016 when empty. */
export async function requireKind(content: Uint8Array, allowed: readonly ContentKind[]): Promise<ContentKind> {
  if (content.length === 0) throw new AppError('E1016', { field: 'file' });
  const found = await fileTypeFromBuffer(content);
  const kind = found && allowed.find((k) => k.mime === found.mime);
  if (!kind) throw new AppError('E1014', { field: 'file', detected: labelOf(found?.ext), allowed: allowed.map((k) => k.label).join('、') });
  return kind;
}
