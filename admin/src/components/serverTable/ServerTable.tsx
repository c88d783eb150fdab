import { Alert, Button, Empty, Table, type TableProps } from "antd";
import { LoadFailed } from "../LoadFailed";
import type { ServerTable as ServerTableState } from "./useServerTable";

interface ServerTableProps<T> extends Omit<TableProps<T>, "dataSource" | "pagination" | "loading" | "onChange"> {
  table: ServerTableState<T>;
  emptyDescription: string;
}

/**
 * An antd Table fed one page at a time by the server. Shows a retry when loading fails (inline when
 * nothing is on screen yet, as a banner above the last rows otherwise) and a plain empty state.
 */
export function ServerTable<T extends object>({ table, emptyDescription, ...tableProps }: ServerTableProps<T>) {
  const failedWithRows = table.error !== null && table.items.length > 0;
  return (
    <>
      {failedWithRows ? (
        <Alert
          type="warning"
          showIcon
          message={table.error?.message}
          action={
            <Button size="small" onClick={table.reload}>
              重试
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<T>
        rowKey="id"
        {...tableProps}
        dataSource={table.items}
        loading={table.loading}
        onChange={(pagination, _filters, sorter) => table.onTableChange(pagination, sorter)}
        pagination={{
          current: table.page,
          pageSize: table.pageSize,
          total: table.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
        }}
        locale={{
          emptyText:
            table.error && !table.loading ? (
              <LoadFailed error={table.error} onRetry={table.reload} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={table.loading ? "正在加载…" : emptyDescription} />
            ),
        }}
      />
    </>
  );
}
