/** 帮扶与能力建设: 对口帮扶, 医疗队巡回 and 能力建设 tabs, and links to the 定点帮扶 county pages. */
import { Button, Space, Tabs } from 'antd';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../shared/page-title.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { assistanceApi } from './assistance-api.js';
import { CapacityTab } from './capacity-tab.js';
import { PairingsTab } from './pairings-tab.js';
import { ToursTab } from './tours-tab.js';
import { useL } from './use-l.js';

export function AssistancePage() {
  const L = useL();
  const [params, setParams] = useQueryParams();
  const tab = params.get('tab') ?? 'pairings';
  const counties = useAsync('assistance-counties', () => assistanceApi.counties());
  return (
    <>
      <PageTitle>{L('帮扶与能力建设', 'Assistance & capacity')}</PageTitle>
      {counties.data?.items.length ? (
        <Space wrap style={{ marginBottom: 8 }}>
          <span>{L('定点帮扶县：', 'Designated counties:')}</span>
          {counties.data.items.map((c) => (
            <Link key={c.code} to={`/assistance/counties/${c.code}`}>
              <Button size="small" data-testid={`county-${c.code}`}>{c.placeName}</Button>
            </Link>
          ))}
        </Space>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'pairings', label: L('对口帮扶', 'Pairings'), children: <PairingsTab /> },
          { key: 'tours', label: L('医疗队巡回', 'Medical-team tours'), children: <ToursTab /> },
          { key: 'capacity', label: L('能力建设', 'Capacity'), children: <CapacityTab /> },
        ]}
      />
    </>
  );
}
