import { useState } from "react";
import { Card, Flex, Form, Typography } from "antd";
import type { AuditEventView } from "@xinyuan/shared";
import { PageContainer } from "../../components/PageContainer";
import { ServerTable } from "../../components/serverTable/ServerTable";
import { useServerTable } from "../../components/serverTable/useServerTable";
import { AuditSearchForm } from "./components/AuditSearchForm";
import { auditColumns } from "./components/auditColumns";
import { auditQueryFrom, type AuditFilterForm, type AuditFilters } from "./auditFilters";
import { listAuditEvents } from "./service";

/** 审计日志: who did what, to which record, when and from where. Read-only by design. */
export default function AuditPage() {
  const [form] = Form.useForm<AuditFilterForm>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const table = useServerTable(listAuditEvents, filters);

  const columns = auditColumns(table.sortOrderOf, (actor) => {
    form.setFieldsValue({ actor });
    setFilters(auditQueryFrom(form.getFieldsValue()));
  });

  return (
    <PageContainer title="审计日志" description="记录登录、查看敏感记录和每一次修改。日志只能查询，不能修改或删除，至少保存 180 天。">
      <Card>
        <Flex vertical gap={16}>
          <AuditSearchForm form={form} onSearch={(values) => setFilters(auditQueryFrom(values))} />
          <ServerTable<AuditEventView>
            table={table}
            columns={columns}
            emptyDescription="没有符合条件的记录"
            scroll={{ x: 900 }}
            expandable={{
              rowExpandable: () => true,
              expandedRowRender: (event) => (
                <Flex vertical gap={4} data-testid="audit-raw">
                  {/* The raw values, for the centre when a label is not enough. */}
                  <Typography.Text type="secondary">动作代码：{event.action}</Typography.Text>
                  {event.targetType ? <Typography.Text type="secondary">对象：{event.targetType}{event.targetId ? ` · ${event.targetId}` : ""}</Typography.Text> : null}
                  {event.requestId ? <Typography.Text type="secondary">请求编号：{event.requestId}</Typography.Text> : null}
                  {event.detail ? (
                    <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>{JSON.stringify(event.detail, null, 2)}</pre>
                  ) : null}
                </Flex>
              ),
            }}
          />
        </Flex>
      </Card>
    </PageContainer>
  );
}
