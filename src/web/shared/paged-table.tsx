/**
 * One page of a list the server pages: the error above the table, the page, the page size and the
 * total below it. The paging lives in the URL (`queryPaging`) or in the component (`usePaging`).
 */
import { Table, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from './error-alert.js';
import { formatNumber } from './format.js';
import { useI18n } from './i18n.js';
import type { QueryPatch } from './use-query-params.js';

export interface Paging {
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
}

const DEFAULT_PAGE_SIZE = 20;

/** Paging kept in the URL as `page` and `pageSize` (left out at their defaults). */
export function queryPaging(params: URLSearchParams, update: (patch: QueryPatch) => void): Paging {
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(200, Math.max(10, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE)),
    onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === DEFAULT_PAGE_SIZE ? undefined : s }),
  };
}

/** Paging kept in the component: back to the first page when `query` (what is listed) or the page size changes. */
export function usePaging(query: string): Paging {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  useEffect(() => setPage(1), [query]);
  return {
    page,
    pageSize,
    onChange: (p, s) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  };
}

export interface PagedTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> {
  /** The page's items and the total of all pages; null before the first answer. */
  data: { items: T[]; total: number } | null | undefined;
  loading: boolean;
  error: unknown;
  paging: Paging;
  pageSizeOptions?: number[];
}

export function PagedTable<T extends object>(props: PagedTableProps<T>) {
  const { data, loading, error, paging, pageSizeOptions = [20, 50, 100], ...table } = props;
  const { t } = useI18n();
  return (
    <>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Table<T>
        {...table}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions,
          showTotal: (n) => t('common.totalItems', { n: formatNumber(n) }),
          onChange: paging.onChange,
        }}
      />
    </>
  );
}
