/**
 * The annual report's style sheet: A4 paper on screen (180 mm of content between 15 mm margins),
 * the same width when printing, the toolbar hidden in print, tables and figures kept whole.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 15mm 15mm 18mm; @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; color: #8c8c8c; } }
.ar-root { background: #e9ecea; min-height: 100vh; }
.ar-toolbar { position: sticky; top: 0; z-index: 20; display: flex; gap: 12px; align-items: center; flex-wrap: wrap;
  padding: 10px 24px; background: #fff; border-bottom: 1px solid #d9d9d9; box-shadow: 0 1px 4px rgba(0,0,0,0.06); }
.ar-toolbar .ar-spacer { flex: 1; }
.ar-paper { box-sizing: content-box; width: 180mm; min-height: 267mm; margin: 24px auto 48px; padding: 15mm; background: #fff;
  box-shadow: 0 2px 14px rgba(0,0,0,0.16); color: #1f1f1f; font-size: 10.5pt; line-height: 1.75;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.ar-paper h1 { font-size: 17pt; line-height: 1.4; text-align: center; margin: 4mm 0 3mm; font-weight: 700; letter-spacing: 0.5px; }
.ar-paper h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #1f7a5a; color: #14513c; break-after: avoid; }
.ar-paper h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.ar-meta { text-align: center; color: #595959; font-size: 9.5pt; line-height: 1.6; }
.ar-para { text-indent: 2em; margin: 0 0 2mm; text-align: justify; }
.ar-note { color: #595959; font-size: 9.5pt; margin: 1mm 0 3mm; }
.ar-sub { color: #8c8c8c; font-size: 8.5pt; line-height: 1.4; }
.ar-caption { font-size: 9.5pt; color: #434343; margin-bottom: 1mm; }
.ar-table { box-sizing: border-box; width: 100%; max-width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9.5pt; line-height: 1.45; margin: 1mm 0 3mm; }
.ar-table th, .ar-table td { border: 0.75px solid #8c8c8c; padding: 1.2mm 1.5mm; vertical-align: middle; word-break: break-word; }
.ar-table th { background: #eef5f1; font-weight: 600; text-align: left; white-space: nowrap; }
.ar-table td.ar-status { white-space: nowrap; }
.ar-table .num { text-align: right; }
.ar-table .center { text-align: center; }
.ar-table tr { break-inside: avoid; }
.ar-table thead { display: table-header-group; }
.ar-source { font-size: 8.5pt; }
.ar-worst { margin: 0; padding-left: 1.4em; columns: 2; column-gap: 4mm; }
.ar-worst li { break-inside: avoid; }
.ar-figure { break-inside: avoid; margin: 1mm 0 4mm; }
.ar-toc { margin: 2mm 0 4mm; padding: 2mm 4mm; background: #f6f8f7; font-size: 9.5pt; line-height: 1.7; }
.ar-toc ol { margin: 0; padding-left: 6mm; }
.ar-sign { margin-top: 10mm; text-align: right; line-height: 2; font-size: 10.5pt; break-inside: avoid; }
.ar-footer { margin-top: 8mm; padding-top: 2mm; border-top: 0.75px solid #bfbfbf; color: #8c8c8c; font-size: 8.5pt; line-height: 1.6; }
@media print {
  html, body, #root { background: #fff !important; }
  .ar-root { background: #fff; min-height: 0; }
  .ar-toolbar { display: none !important; }
  .ar-paper { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .ar-break { break-before: page; }
}
`;
