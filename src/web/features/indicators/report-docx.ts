/**
 * The annual report as a Word file (.docx, the npm `docx` library) for an office to edit before
 * issuing: made from the report as the page shows it — its headings, paragraphs, tables and
 * charts (each chart's SVG drawn to a PNG) in order — with a table of contents, page numbers in
 * the footer, and the 编制单位 / 日期 / 签发 block at the end. Built in the browser: no figure is
 * computed twice.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export interface DocxMeta {
  title: string;
  unit: string;
  date: string;
  texts: { toc: string; unit: string; date: string; signer: string; page: string };
}

type Block = Paragraph | Table;

const FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** An SVG on the page as PNG bytes (drawn at twice its size for print), with its size in points. */
async function svgToPng(svg: SVGSVGElement): Promise<{ data: Uint8Array; width: number; height: number } | null> {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute('height')) || 300);
  if (!width || !height) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('svg'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  if (!blob) return null;
  return { data: new Uint8Array(await blob.arrayBuffer()), width, height };
}

function tableOf(el: HTMLTableElement): Table {
  const rows = [...el.rows].map(
    (tr, i) =>
      new TableRow({
        tableHeader: i === 0 && tr.parentElement?.tagName === 'THEAD',
        children: [...tr.cells].map(
          (td) =>
            new TableCell({
              children: [new Paragraph({ children: [new TextRun({ text: text(td), bold: td.tagName === 'TH', font: FONT, size: 20 })] })],
            }),
        ),
      }),
  );
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** The blocks of an element, in document order: headings, paragraphs, lists, tables, charts. */
async function blocksOf(el: Element, out: Block[]): Promise<void> {
  const tag = el.tagName;
  if ((el as HTMLElement).dataset?.docx === 'skip') return;
  if (tag === 'H1') return void out.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: text(el), font: FONT })] }));
  if (tag === 'H2') return void out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: text(el), font: FONT })] }));
  if (tag === 'H3') return void out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: text(el), font: FONT })] }));
  if (tag === 'TABLE') return void out.push(tableOf(el as HTMLTableElement), new Paragraph({}));
  if (tag === 'svg') {
    const png = await svgToPng(el as SVGSVGElement).catch(() => null);
    if (png) {
      // At most the text width of A4 (about 450 pt).
      const scale = Math.min(1, 450 / png.width);
      out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: png.data, transformation: { width: Math.round(png.width * scale), height: Math.round(png.height * scale) } })] }));
    }
    return;
  }
  if (tag === 'LI') return void out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: text(el), font: FONT })] }));
  const blockChildren = [...el.children].filter((c) => !['SPAN', 'STRONG', 'B', 'EM', 'A', 'BR'].includes(c.tagName));
  if (blockChildren.length === 0) {
    const s = text(el);
    if (s) out.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: s, font: FONT, size: 22 })] }));
    return;
  }
  for (const c of el.children) await blocksOf(c, out);
}

/** The report on the page (its paper element) as a .docx file. */
export async function reportDocx(paper: HTMLElement, meta: DocxMeta): Promise<Blob> {
  const body: Block[] = [];
  for (const c of paper.children) await blocksOf(c, body);
  const [title, ...rest] = body;
  const doc = new Document({
    creator: meta.unit,
    title: meta.title,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'SimSun', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [meta.texts.page.split('{n}')[0], PageNumber.CURRENT, meta.texts.page.split('{n}')[1] ?? ''] })],
              }),
            ],
          }),
        },
        children: [
          title,
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: meta.texts.toc, font: FONT })] }),
          new TableOfContents(meta.texts.toc, { hyperlink: true, headingStyleRange: '1-2' }),
          ...rest,
          new Paragraph({}),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${meta.texts.unit}：${meta.unit}`, font: FONT })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${meta.texts.date}：${meta.date}`, font: FONT })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${meta.texts.signer}：`, font: FONT })] }),
        ],
      },
    ],
  });
  return Packer.toBlob(doc);
}
