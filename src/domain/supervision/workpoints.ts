/**
 * Work points (工作要点) from a policy text: its numbered items as a tree, keeping the wording
 * (../shared/docs/modules/supervision.md, "Work plans from policy texts" and the CLI contract).
 *
 * Recognised numbering: 第一章 / 第一节 / 第一条, 一、, （一）/(一), 1./1．/1、, 1）/1), （1）/(1),
 * ①, and the inline enumeration 一是… 二是… (children of the paragraph they stand in). Levels are
 * relative: a numbering style seen inside an item is one level below it, the outermost is 1.
 *
 * What keeps it general rather than tuned to one text:
 * - A number counts only in sequence: the first of a list is 1 (一, ①), each next one is the
 *   previous + 1 of the same style under the same parent. A year (2024年), a document number
 *   (〔2019〕13号), a figure (12.5%) or a date is never one: they do not have a numbering's form
 *   or do not continue a list.
 * - Hard-wrapped text (copied from a PDF: every line ~30 characters, often with blank lines
 *   between) is joined back into paragraphs first; a line that merely starts with a marker in
 *   the middle of a paragraph (统 / 一、协调) is not an item unless it continues a list.
 * - Inline 一是… need a 二是 after them (or continue a list), and stand after punctuation.
 * - The tail of a document (附件, 抄送, 责任编辑, a date line) closes the last item.
 */

export interface WorkPoint {
  /** The number as written: （一）, 1．, 一是. */
  number: string;
  level: number;
  /** The numbers from level 1 down, joined by `/`. */
  path: string;
  /** The item's heading or first sentence. */
  title: string;
  /** The item's own text, up to its next item (paragraphs joined by a line break). */
  text: string;
}

type Style = 'zhang' | 'jie' | 'tiao' | 'cjkComma' | 'cjkParen' | 'digitDot' | 'digitHalf' | 'digitParen' | 'circled' | 'shi';

interface Marker {
  style: Style;
  n: number;
  /** The marker as written, trimmed. */
  number: string;
  /** The text after the marker. */
  rest: string;
}

const CJK_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 (and 一百 …) as a number; NaN when it is not a plain Chinese numeral. */
export function cjkNumber(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else if (ch in CJK_DIGITS) {
      if (digit >= 0) return NaN;
      digit = CJK_DIGITS[ch]!;
    } else return NaN;
  }
  return total + (digit < 0 ? 0 : digit);
}

const CJK_NUM = '[一二三四五六七八九十百零〇]+';
const SP = '[ \\t\\u3000]*';
const BLOCK_PATTERNS: { style: Style; re: RegExp; cjk: boolean }[] = [
  { style: 'zhang', re: new RegExp(`^(第(${CJK_NUM})章)(?:[ \\t\\u3000]+|$)`), cjk: true },
  { style: 'jie', re: new RegExp(`^(第(${CJK_NUM})节)(?:[ \\t\\u3000]+|$)`), cjk: true },
  { style: 'tiao', re: new RegExp(`^(第(${CJK_NUM})条)(?:[ \\t\\u3000]+|$)`), cjk: true },
  { style: 'cjkComma', re: new RegExp(`^((${CJK_NUM})${SP}[、．])`), cjk: true },
  { style: 'cjkParen', re: new RegExp(`^([（(]${SP}(${CJK_NUM})${SP}[）)])`), cjk: true },
  { style: 'digitDot', re: new RegExp(`^((\\d{1,2})${SP}(?:[.．](?![\\d０-９])|、))`), cjk: false },
  { style: 'digitHalf', re: new RegExp(`^((\\d{1,2})${SP}[）)])`), cjk: false },
  { style: 'digitParen', re: new RegExp(`^([（(]${SP}(\\d{1,2})${SP}[）)])`), cjk: false },
];

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The block marker a paragraph starts with, if it has the form of one. */
export function blockMarker(paragraph: string): Marker | null {
  const s = toHalfWidthDigits(paragraph);
  for (const p of BLOCK_PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const n = p.cjk ? cjkNumber(m[2]!) : Number(m[2]);
    if (!Number.isFinite(n) || n < 1) continue;
    const rest = paragraph.slice(m[0].length).replace(/^[ \t\u3000]+/, '');
    if (!rest && (p.style === 'digitDot' || p.style === 'digitHalf')) continue; // a bare "3." is a page number
    return { style: p.style, n, number: paragraph.slice(0, m[1]!.length).trim(), rest };
  }
  const c = paragraph.codePointAt(0)!;
  if (c >= 0x2460 && c <= 0x2473) return { style: 'circled', n: c - 0x2460 + 1, number: paragraph[0]!, rest: paragraph.slice(1).replace(/^[ \t\u3000]+/, '') };
  return null;
}

/** Display width: CJK and full-width forms count two, the rest one. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const ENDS_SENTENCE = /[。！？；：!?;:…][”’"」』）)]*$/;
const TITLE_END = /[。！？；：!?;:]/;
/** Where a document's body ends: attachments, distribution, editor's line, a date line. */
const DATE_LINE = /^[(（]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[)）]?$/;
const TAIL = /^(附件[:：\d一二三四五六七八九十\s]|附件$|抄送[:：]|抄报[:：]|（此件|\(此件|责任编辑|来源[:：])/;

interface Paragraph {
  text: string;
  /** The paragraph began where the previous line did not end one (a hard-wrapped line). */
  soft: boolean;
}

/** Lines → paragraphs; hard-wrapped text is joined back. */
function paragraphs(input: string): Paragraph[] {
  const lines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, ''));
  const full = lines.filter((l) => l.length > 0);
  const widths = full.map(width).sort((a, b) => a - b);
  const typical = widths.length ? widths[Math.floor(widths.length * 0.75)]! : 0;
  // Hard-wrapped: most lines of about the typical width end in the middle of a sentence.
  const wide = full.filter((l) => width(l) >= typical * 0.85 && width(l) >= 20);
  const open = wide.filter((l) => !ENDS_SENTENCE.test(l)).length;
  const wrapped = wide.length >= 5 && open / wide.length >= 0.5;
  const out: Paragraph[] = [];
  // A short line ends its paragraph; so does a sentence's end short of the line's width. A full
  // line that happens to end a sentence may or may not: the paragraph goes on, but an item may
  // start on the next line.
  let ended = true;
  let sentence = true;
  for (const line of lines) {
    if (!line) {
      if (!wrapped) ended = sentence = true;
      continue;
    }
    if (!wrapped || ended || blockMarker(line)) out.push({ text: line, soft: wrapped && !ended && !sentence });
    else out[out.length - 1]!.text += line;
    const w = width(line);
    sentence = !wrapped || ENDS_SENTENCE.test(line);
    ended = !wrapped || w < typical * 0.7 || (sentence && w < typical * 0.93);
  }
  return out;
}

/** 一是 … 九是 … standing at the start or after punctuation. */
const SHI = /(^|[，。；：、！？,.;:!?\s）)])([一二三四五六七八九十]+)是/g;

interface ShiHit {
  n: number;
  number: string;
  /** Where the marker starts and where its text starts. */
  at: number;
  textAt: number;
}

function shiHits(text: string): ShiHit[] {
  const hits: ShiHit[] = [];
  for (const m of text.matchAll(SHI)) {
    const n = cjkNumber(m[2]!);
    if (!Number.isFinite(n) || n < 1) continue;
    const at = m.index! + m[1]!.length;
    hits.push({ n, number: `${m[2]}是`, at, textAt: at + m[2]!.length + 1 });
  }
  return hits;
}

interface Node {
  number: string;
  style: Style;
  n: number;
  depth: number;
  path: string;
  parts: string[];
}

/** The first sentence (or the heading) of an item's text, without its end mark. */
export function titleOf(text: string): string {
  const first = text.split('\n')[0]!;
  const m = TITLE_END.exec(first);
  return (m ? first.slice(0, m.index) : first).trim();
}

export function parseWorkPoints(input: string): WorkPoint[] {
  const paras = paragraphs(input);
  const nodes: Node[] = [];
  const stack: Node[] = [];
  /** The item the running paragraph's text belongs to; null outside any item. */
  let owner: Node | null = null;
  let running: { text: string; leading: boolean } | null = null;
  let tail = false;
  let lastArticle = 0;

  const popShi = () => {
    while (stack.length && stack[stack.length - 1]!.style === 'shi') stack.pop();
  };
  const push = (m: { style: Style; n: number; number: string }, index: number): Node => {
    stack.length = index;
    const parent = stack[index - 1];
    const node: Node = { number: m.number, style: m.style, n: m.n, depth: index + 1, path: parent ? `${parent.path}/${m.number}` : m.number, parts: [] };
    stack.push(node);
    nodes.push(node);
    return node;
  };
  /** Where a marker of this style and number goes on the stack, or -1 when it is not an item. */
  const place = (style: Style, n: number, soft: boolean): number => {
    const at = stack.findIndex((s) => s.style === style);
    if (at >= 0 && n === stack[at]!.n + 1) return at;
    // Articles (第…条) are numbered through the whole text, across its chapters.
    if (style === 'tiao' && at < 0 && n === lastArticle + 1) return stack.length;
    if (soft) return -1;
    if (n !== 1) return -1;
    return at >= 0 ? at : stack.length;
  };

  /** Splits a finished paragraph at its inline 一是 … and gives each part to its item. */
  const flush = (next: Paragraph | undefined) => {
    if (!running) return;
    const { text, leading } = running;
    running = null;
    const hits = shiHits(text);
    const chain: ShiHit[] = [];
    let existing = stack.findIndex((s) => s.style === 'shi');
    if (leading && existing >= 0 && hits[0]?.at === 0 && hits[0].n === 1) {
      popShi(); // a new list, not the next item of the last one
      existing = -1;
    }
    let expected = leading && existing >= 0 ? stack[existing]!.n + 1 : 1;
    for (const h of hits) {
      if (h.n !== expected) continue;
      chain.push(h);
      expected++;
    }
    const continues = chain.length > 0 && chain[0]!.n > 1;
    const nextLeads = next ? shiHits(next.text).some((h) => h.at === 0 && h.n === (chain.at(-1)?.n ?? 0) + 1) : false;
    const accepted = chain.length >= 2 || continues || (chain.length === 1 && nextLeads);
    const give = (node: Node | null, s: string) => {
      const t = s.trim();
      if (node && t) node.parts.push(t);
    };
    if (!accepted || !chain.length) {
      give(owner, text);
      return;
    }
    give(owner, text.slice(0, chain[0]!.at));
    // Inline items are children of the paragraph's item; paragraph-leading ones continue their list.
    const parentDepth = existing >= 0 ? existing : stack.length;
    for (let i = 0; i < chain.length; i++) {
      const h = chain[i]!;
      const node = push({ style: 'shi', n: h.n, number: h.number }, i === 0 ? parentDepth : stack.length - 1);
      give(node, text.slice(h.textAt, chain[i + 1]?.at ?? text.length));
    }
    // The list's last item ends with its paragraph; what follows belongs to the enclosing item.
    owner = null;
  };

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const next = paras[i + 1];
    const m = blockMarker(p.text);
    let at = -1;
    if (m) {
      const shiDepth = stack.findIndex((s) => s.style === 'shi');
      const saved = shiDepth >= 0 ? stack.slice(shiDepth) : [];
      popShi();
      at = place(m.style, m.n, p.soft);
      if (at < 0) stack.push(...saved);
    }
    if (at < 0 && p.soft && running) {
      running.text += p.text; // a hard-wrapped line that only looked like an item
      continue;
    }
    flush(p);
    if (at >= 0 && m) {
      tail = false;
      owner = push(m, at);
      if (m.style === 'tiao') lastArticle = m.n;
      running = { text: m.rest, leading: false };
      continue;
    }
    const signature = !!next && DATE_LINE.test(next.text) && p.text.length <= 30 && !/[，。；：,.;:]/.test(p.text);
    if (tail || (nodes.length && (TAIL.test(p.text) || DATE_LINE.test(p.text) || signature))) {
      tail = true;
      owner = null;
      continue;
    }
    const leadsShi = shiHits(p.text).some((h) => h.at === 0);
    if (!leadsShi) {
      // A plain paragraph closes an inline list; it belongs to the item that encloses the list.
      if (stack.at(-1)?.style === 'shi') {
        popShi();
        owner = stack.at(-1) ?? null;
      }
    }
    if (owner === null && !leadsShi) owner = stack.at(-1) ?? null;
    running = { text: p.text, leading: leadsShi };
  }
  flush(undefined);

  return nodes.map((n) => {
    const text = n.parts.join('\n');
    return { number: n.number, level: n.depth, path: n.path, title: titleOf(text), text };
  });
}
