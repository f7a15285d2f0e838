/**
 * The text of a policy document as it was uploaded or pasted: TXT (UTF-8, or GB18030 as Windows
 * Notepad and WPS save Chinese text), DOCX (the paragraphs of word/document.xml, with the numbers
 * Word's automatic numbering shows but does not store in the text), PDF (its text layer, line by
 * line, read with pdf.js — the field's library; a scan has none and is refused in words). Told by
 * content, never by the file's name.
 */
import yauzl from 'yauzl';
import { AppError } from '../../../domain/errors.js';

const unreadable = (zh: string, en: string) => new AppError('E8001', { reason: zh }, { zh: `无法从该文件读出文字：${zh}。请上传 TXT、DOCX，或可提取文字的 PDF`, en: `No text could be read from the file: ${en}. Upload TXT, DOCX, or a PDF whose text can be extracted` });

export async function policyText(bytes: Buffer): Promise<string> {
  if (bytes.length === 0) throw new AppError('E1016');
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') return docxText(bytes);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return pdfText(bytes);
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) throw unreadable('这是 Word 97–2003 (.doc) 文件，请另存为 .docx', 'this is a Word 97–2003 (.doc) file; save it as .docx');
  return plainText(bytes);
}

/** A policy document is tens of pages; past this it is no work plan. */
export const MAX_PDF_PAGES = 300;

async function pdfText(bytes: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch {
    throw unreadable('PDF 文件已损坏或已加密', 'the PDF is damaged or encrypted');
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw unreadable(`PDF 共 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页`, `the PDF has ${doc.numPages} pages, more than ${MAX_PDF_PAGES}`);
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      for (const item of (await page.getTextContent()).items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      text += '\n';
    }
    if (!text.trim()) throw unreadable('PDF 中没有可提取的文字（可能是扫描件），请上传 DOCX 或粘贴文字', 'the PDF holds no text (a scan?): upload DOCX or paste the text');
    return text;
  } finally {
    await doc.destroy();
  }
}

function plainText(bytes: Buffer): string {
  if (bytes.includes(0)) throw unreadable('文件含二进制内容，不是文本', 'the file holds binary content, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readZipEntries(bytes: Buffer, wanted: readonly string[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(unreadable('ZIP/DOCX 文件已损坏', 'the ZIP/DOCX file is damaged'));
      const found = new Map<string, string>();
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!wanted.includes(entry.fileName)) return zip.readEntry();
        total += entry.uncompressedSize;
        if (total > 64 * 1024 * 1024) {
          zip.close();
          return reject(unreadable('DOCX 文件解压后过大', 'the DOCX inflates too large'));
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(unreadable('DOCX 文件已损坏', 'the DOCX file is damaged'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => reject(unreadable('DOCX 文件已损坏', 'the DOCX file is damaged')));
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('error', () => reject(unreadable('DOCX 文件已损坏', 'the DOCX file is damaged')));
      zip.on('end', () => resolve(found));
      zip.readEntry();
    });
  });
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

const attr = (xml: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];

interface Level {
  fmt: string;
  text: string;
  start: number;
}

/** numId → the levels of its abstract numbering, from word/numbering.xml. */
function numberingLevels(xml: string | undefined): Map<string, Map<number, Level>> {
  const out = new Map<string, Map<number, Level>>();
  if (!xml) return out;
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2]!;
      levels.set(Number(l[1]), {
        fmt: attr(/<w:numFmt\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 'decimal',
        text: decodeXml(attr(/<w:lvlText\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? ''),
        start: Number(attr(/<w:start\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 1),
      });
    }
    abstract.set(m[1]!, levels);
  }
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(/<w:abstractNumId\b[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val');
    const levels = id === undefined ? undefined : abstract.get(id);
    if (levels) out.set(m[1]!, levels);
  }
  return out;
}

const CJK = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chinese(n: number): string {
  if (n < 10) return CJK[n]!;
  if (n < 20) return `十${CJK[n % 10]}`;
  return `${CJK[Math.floor(n / 10)]}十${CJK[n % 10]}`;
}

function formatNumber(n: number, fmt: string): string {
  if (/^chinese|^ideograph|^japaneseCounting|^taiwaneseCounting/.test(fmt)) return chinese(n);
  if (/^decimalEnclosedCircle/.test(fmt) && n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (fmt === 'decimalFullWidth' || fmt === 'decimalFullWidth2') return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  if (fmt === 'bullet' || fmt === 'none') return '';
  return String(n);
}

async function docxText(bytes: Buffer): Promise<string> {
  const parts = await readZipEntries(bytes, ['word/document.xml', 'word/numbering.xml']);
  const doc = parts.get('word/document.xml');
  if (!doc) throw unreadable('这个 ZIP 文件不是 Word 文档', 'the ZIP file is no Word document');
  const numbering = numberingLevels(parts.get('word/numbering.xml'));
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(doc)?.[1] ?? doc;
  for (const p of body.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const xml = p[1] ?? '';
    let text = '';
    for (const t of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) text += t[1] !== undefined ? decodeXml(t[1]) : t[2] === 'tab' ? '\t' : '\n';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(xml)?.[1];
    if (numPr) {
      const numId = attr(/<w:numId\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val') ?? '';
      const ilvl = Number(attr(/<w:ilvl\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val') ?? 0);
      const levels = numbering.get(numId);
      const level = levels?.get(ilvl);
      if (levels && level) {
        const c = counters.get(numId) ?? [];
        for (let i = 0; i < ilvl; i++) c[i] ??= (levels.get(i)?.start ?? 1) - 1;
        c[ilvl] = (c[ilvl] ?? level.start - 1) + 1;
        c.length = ilvl + 1;
        counters.set(numId, c);
        const label = level.text.replace(/%(\d)/g, (_, d: string) => formatNumber(c[Number(d) - 1] ?? 1, (levels.get(Number(d) - 1) ?? level).fmt));
        if (label) text = label + text;
      }
    }
    lines.push(text);
  }
  return lines.join('\n');
}
