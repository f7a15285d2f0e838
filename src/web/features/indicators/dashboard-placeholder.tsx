/** A fixed-height box with a spinner where a chart will be, so nothing moves when it arrives. */
import { Spin } from 'antd';

export function ChartPlaceholder({ height }: { height: number }) {
  return (
    <div
      data-testid="chart-placeholder"
      style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa', borderRadius: 6 }}
    >
      <Spin />
    </div>
  );
}
