/** A second line in small grey text under a name in a table cell: its code, its target, the area of a total. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function SecondaryLine({ children }: { children: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {children}
      </Typography.Text>
    </div>
  );
}
