/**
 * 指标总览: child areas × indicators, each cell coloured by target status, with the area's own
 * total pinned on top. Sortable by name and by any indicator; a click on a name drills down.
 */
import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Indicator } from '../../../domain/indicator.js';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { SecondaryLine } from '../../shared/secondary-line.js';
import { useWindowHeight } from '../../shared/use-window-height.js';
import type { IndicatorRow } from './analytics-api.js';
import { shortName, targetText } from './indicator-meta.js';
import { formatPercent, notApplicable, STATUS_BG, STATUS_COLORS, statusBand } from './indicator-status.js';

export interface MatrixRow {
  code: string;
  name: string;
  cells: Record<string, IndicatorRow | undefined>;
}

/** Rows of the API (one per area × indicator) folded into one row per area. */
export function toMatrix(rows: IndicatorRow[]): MatrixRow[] {
  const byArea = new Map<string, MatrixRow>();
  for (const r of rows) {
    let m = byArea.get(r.areaCode);
    if (!m) byArea.set(r.areaCode, (m = { code: r.areaCode, name: r.areaName, cells: {} }));
    m.cells[r.indicator] = r;
  }
  return [...byArea.values()];
}

const NAME_WIDTH = 172;
const CELL_WIDTH = 124;

function Cell({ ind, row, areaCode }: { ind: Indicator; row: IndicatorRow | undefined; areaCode: string }) {
  const { t, pick } = useI18n();
  const band = statusBand(row?.value, row?.target, row?.met);
  const na = notApplicable(row);
  const text = na ? t('dash.status.na') : formatPercent(row?.value);
  const tip = na ? (ind.kind === 'COUNTY_SHARE' ? t('dash.naCounties') : ind.kind === 'FACT' ? t('dash.naFacts') : t('dash.naFacilities')) : row ? (
    <div style={{ lineHeight: 1.7 }}>
      <div>
        <strong>{pick(ind.name)}</strong>
      </div>
      <div>
        {row.areaName}：{text}
      </div>
      <div>
        {t('ind.fraction')}：{formatNumber(row.numerator)} / {formatNumber(row.denominator)}
      </div>
      <div>
        {t('ind.target')}：{targetText(ind) ?? t('ind.noTarget')}
      </div>
      <div>
        {t('ind.completeness')}：{formatPercent(row.expectedReports ? row.reportedReports / row.expectedReports : null)}（
        {t('ind.completenessOf', { expected: formatNumber(row.expectedReports), reported: formatNumber(row.reportedReports) })}）
      </div>
    </div>
  ) : null;
  return (
    <Tooltip title={tip} mouseEnterDelay={0.25}>
      <span
        data-testid="ind-cell"
        data-area={areaCode}
        data-indicator={ind.code}
        data-band={na ? 'na' : band}
        style={{ color: band === 'none' ? '#8c8c8c' : STATUS_COLORS[band], fontWeight: na ? 400 : 500, fontSize: na ? 12 : undefined, fontVariantNumeric: 'tabular-nums' }}
      >
        {text}
      </span>
    </Tooltip>
  );
}

/** Summary cells take no style: their background comes from a class (see BAND_CSS). */
const bandClass = (row: IndicatorRow | undefined) => `ind-band-${statusBand(row?.value, row?.target, row?.met)}`;
const BAND_CSS = (Object.keys(STATUS_BG) as (keyof typeof STATUS_BG)[])
  .map((b) => `.ant-table-summary td.ind-band-${b}{background:${STATUS_BG[b]}}`)
  .join('');

function cellStyle(row: IndicatorRow | undefined): React.CSSProperties {
  return { background: STATUS_BG[statusBand(row?.value, row?.target, row?.met)], textAlign: 'center' };
}

/** Nulls last in either direction. */
function compareValues(a: number | null | undefined, b: number | null | undefined, order: 'ascend' | 'descend' | null | undefined): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an && bn ? 0 : (an ? 1 : -1) * (order === 'descend' ? -1 : 1);
  return a - b;
}

export function IndicatorMatrix(props: {
  indicators: Indicator[];
  total: MatrixRow | null;
  rows: MatrixRow[];
  loading: boolean;
  /** The link of a child area (drill down), or null when the rows cannot be drilled into. */
  drillHref: ((code: string) => string) | null;
}) {
  const { t, pick, lang } = useI18n();
  const height = useWindowHeight();
  const columns: TableColumnsType<MatrixRow> = [
    {
      title: t('ind.area'),
      key: 'name',
      dataIndex: 'name',
      fixed: 'left',
      width: NAME_WIDTH,
      sorter: (a, b) => a.name.localeCompare(b.name, lang === 'zh' ? 'zh-CN' : 'en'),
      render: (_, r) => (
        <div style={{ lineHeight: 1.3 }}>
          {props.drillHref ? (
            <Link to={props.drillHref(r.code)} data-testid="ind-drill" data-code={r.code}>
              {r.name}
            </Link>
          ) : (
            <span data-code={r.code}>{r.name}</span>
          )}
          <SecondaryLine>{r.code}</SecondaryLine>
        </div>
      ),
    },
    ...props.indicators.map((ind) => ({
      key: ind.code,
      width: CELL_WIDTH,
      align: 'center' as const,
      title: (
        <Tooltip
          title={
            <div>
              <div>
                <strong>{pick(ind.name)}</strong>
              </div>
              <div>{ind.targets[0]?.clause ? pick(ind.targets[0].clause) : pick(ind.monitor, t('ind.noTarget'))}</div>
            </div>
          }
        >
          <div style={{ lineHeight: 1.3, whiteSpace: 'normal' }} data-testid="ind-col" data-indicator={ind.code}>
            <div>{pick(shortName(ind))}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {targetText(ind) ?? t('ind.band.none')}
            </Typography.Text>
          </div>
        </Tooltip>
      ),
      sorter: (a: MatrixRow, b: MatrixRow, order?: 'ascend' | 'descend' | null) =>
        compareValues(a.cells[ind.code]?.value, b.cells[ind.code]?.value, order),
      onCell: (r: MatrixRow) => ({ style: cellStyle(r.cells[ind.code]) }),
      render: (_: unknown, r: MatrixRow) => <Cell ind={ind} row={r.cells[ind.code]} areaCode={r.code} />,
    })),
  ];

  const total = props.total;
  return (
    <>
      <style>{BAND_CSS}</style>
      <Table<MatrixRow>
        data-testid="indicator-matrix"
        size="small"
        bordered
        rowKey="code"
        columns={columns}
        dataSource={props.rows}
        loading={props.loading}
        pagination={false}
        scroll={{ x: NAME_WIDTH + CELL_WIDTH * props.indicators.length, y: Math.max(320, height - 430) }}
        locale={{ emptyText: total ? t('ind.noChildren') : t('ind.noRows') }}
        summary={() =>
          total ? (
            <Table.Summary fixed="top">
              <Table.Summary.Row data-testid="ind-total-row">
                <Table.Summary.Cell index={0}>
                  <strong>{t('ind.areaTotal')}</strong>
                  <SecondaryLine>{total.code === NATION_CODE ? t('div.nation') : total.name}</SecondaryLine>
                </Table.Summary.Cell>
                {props.indicators.map((ind, i) => (
                  <Table.Summary.Cell key={ind.code} index={i + 1} align="center" className={bandClass(total.cells[ind.code])}>
                    <Cell ind={ind} row={total.cells[ind.code]} areaCode={total.code} />
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </>
  );
}
