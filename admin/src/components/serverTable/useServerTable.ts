import { useCallback, useState } from "react";
import type { TablePaginationConfig } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import type { Page } from "@xinyuan/shared";
import type { ApiError } from "../../request";
import { useAsync } from "../../hooks/useAsync";
import { sortOrderFor, sortParamFrom, type SortOrder, type SortParam } from "./tableSort";

export interface ServerTableQuery {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface ServerTable<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  sortOrderOf: (field: string) => SortOrder;
  onTableChange: (pagination: TablePaginationConfig, sorter: SorterResult<T> | SorterResult<T>[]) => void;
}

interface Paging {
  page: number;
  pageSize: number;
  sort: SortParam;
}

/**
 * Paging, sorting and filtering done by the server: the table asks for one page at a time with the
 * current filters, goes back to page 1 when a filter changes, and keeps the last error for a retry.
 */
export function useServerTable<T, F extends object>(
  load: (query: ServerTableQuery & F) => Promise<Page<T>>,
  filters: F,
  options: { defaultSort?: string; pageSize?: number } = {},
): ServerTable<T> {
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: options.pageSize ?? 20, sort: options.defaultSort });

  const filtersKey = JSON.stringify(filters);
  const [seenFiltersKey, setSeenFiltersKey] = useState(filtersKey);
  if (seenFiltersKey !== filtersKey) {
    setSeenFiltersKey(filtersKey);
    setPaging((previous) => ({ ...previous, page: 1 }));
  }

  // Filters are compared by value, through filtersKey; late answers are dropped by useAsync.
  const result = useAsync<Page<T>>(() => load({ ...filters, page: paging.page, pageSize: paging.pageSize, ...(paging.sort ? { sort: paging.sort } : {}) }), [paging, filtersKey, load]);

  const onTableChange = useCallback((pagination: TablePaginationConfig, sorter: SorterResult<T> | SorterResult<T>[]) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.columnKey ?? single?.field;
    setPaging((previous) => {
      const sort = sortParamFrom(field, single?.order);
      const pageSize = pagination.pageSize ?? previous.pageSize;
      const sortOrSizeChanged = sort !== previous.sort || pageSize !== previous.pageSize;
      return { page: sortOrSizeChanged ? 1 : (pagination.current ?? 1), pageSize, sort };
    });
  }, []);

  return {
    items: result.data?.items ?? [],
    total: result.data?.total ?? 0,
    page: paging.page,
    pageSize: paging.pageSize,
    loading: result.loading,
    error: result.error,
    reload: result.reload,
    sortOrderOf: (field: string) => sortOrderFor(paging.sort, field),
    onTableChange,
  };
}
