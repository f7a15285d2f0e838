/** Typed builders for uploaded files: real PDF, PNG, JPG, DOCX and XLSX bytes, and things that are not. */
import * as docx from 'docx';
import ExcelJS from 'exceljs';

/** A small but well-formed one-page PDF whose text is `text` (ASCII). */
export function pdfFile(text = 'evidence'): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => { const s = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`; return `<< /Length ${s.length} >>\nstream\n${s}\nendstream`; })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A 1×1 PNG. */
export const pngFile = (): Buffer => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The first bytes of a JPEG (JFIF) image: what tells the type. */
export const jpgFile = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(64), Buffer.from([0xff, 0xd9])]);

export async function docxFile(text = '规划文件'): Promise<Buffer> {
  return docx.Packer.toBuffer(new docx.Document({ sections: [{ children: [new docx.Paragraph(text)] }] }));
}

export async function xlsxFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('预算').addRow(['年度', '金额']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A Windows executable's header: what a renamed .exe starts with. */
export const exeFile = (): Buffer => Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126)]);

/** Bytes no type is told from: plain text. */
export const textFile = (): Buffer => Buffer.from('这是一个纯文本文件', 'utf8');

/** A Word document of paragraphs; `numbered` paragraphs use Word's automatic numbering (the number is not in their text), as `levels` describe. */
export async function policyDocx(paragraphs: { text: string; level?: number }[], levels: { format: (typeof docx.LevelFormat)[keyof typeof docx.LevelFormat]; text: string }[] = []): Promise<Buffer> {
  const reference = 'policy';
  return docx.Packer.toBuffer(
    new docx.Document({
      numbering: { config: [{ reference, levels: levels.map((l, level) => ({ level, format: l.format, text: l.text, start: 1 })) }] },
      sections: [{ children: paragraphs.map((p) => new docx.Paragraph(p.level === undefined ? { text: p.text } : { text: p.text, numbering: { reference, level: p.level } })) }],
    }),
  );
}
