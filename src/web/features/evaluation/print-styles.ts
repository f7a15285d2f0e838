/**
 * 公文 layout for the evaluation's printed lists and score sheets (after GB/T 9704-2012): A4, the
 * issuing office in red above a red rule, the title in large bold type, the body in 仿宋 at 16 pt,
 * the list as an attachment table, the office and date signed at the right. On top of the annual
 * report's paper sheet (toolbar hidden in print, tables kept whole).
 */
import { REPORT_CSS } from '../indicators/report-styles.js';

export const GONGWEN_CSS = `${REPORT_CSS}
.gw-paper { font-family: "FangSong", "STFangsong", "仿宋", "FangSong_GB2312", "WenQuanYi Micro Hei", serif; font-size: 16pt; line-height: 1.8; }
.gw-issuer { text-align: center; color: #c00000; font-size: 30pt; font-weight: 700; letter-spacing: 2px; line-height: 1.3; margin: 8mm 0 3mm; }
.gw-docno { text-align: center; font-size: 14pt; margin-bottom: 2mm; }
.gw-rule { border: 0; border-top: 2px solid #c00000; margin: 0 0 10mm; }
.gw-title { text-align: center; font-size: 20pt; font-weight: 700; line-height: 1.5; margin: 0 0 8mm; font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; }
.gw-body { text-indent: 2em; text-align: justify; margin: 0 0 3mm; }
.gw-sign { text-align: right; margin: 12mm 4em 0 0; line-height: 1.9; break-inside: avoid; }
.gw-attach { break-before: page; }
.gw-attach-label { font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; font-size: 16pt; margin-bottom: 4mm; }
.gw-attach-title { text-align: center; font-size: 18pt; font-weight: 700; margin: 0 0 5mm; font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; }
.gw-paper .ar-table, .gw-fields { width: calc(100% - 2px); }
.gw-paper .ar-table { font-size: 11pt; font-family: "WenQuanYi Micro Hei", sans-serif; }
.gw-paper .ar-table th { text-align: center; }
.gw-form-title { text-align: center; font-size: 18pt; font-weight: 700; margin: 2mm 0 5mm; font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; }
.gw-fields { border-collapse: collapse; font-size: 11pt; margin-bottom: 4mm; font-family: "WenQuanYi Micro Hei", sans-serif; }
.gw-fields td { border: 0.75px solid #8c8c8c; padding: 1.5mm 2mm; }
.gw-fields td.k { background: #f5f5f5; width: 18%; white-space: nowrap; }
.gw-signature { display: flex; justify-content: space-between; margin-top: 10mm; font-size: 12pt; break-inside: avoid; font-family: "WenQuanYi Micro Hei", sans-serif; }
@media print { .gw-paper { font-size: 16pt; } }
`;

/** A day as a 公文 writes it: 2026年12月1日. */
export function gongwenDate(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
