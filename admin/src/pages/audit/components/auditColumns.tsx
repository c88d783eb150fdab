import { Button, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { auditActionLabel, auditTargetTypeLabel, type AuditEventView } from "@xinyuan/shared";
import type { SortOrder } from "../../../components/serverTable/tableSort";
import { formatCountyTime } from "../../../countyTime";

const actorTypeLabels: Record<AuditEventView["actorType"], string> = { staff: "工作人员", user: "小程序用户", system: "系统" };

/** Columns of the audit log; clicking an actor filters the log to them. */
export function auditColumns(sortOrderOf: (field: string) => SortOrder, filterByActor: (actor: { value: string; label: string }) => void): ColumnsType<AuditEventView> {
  return [
    { title: "时间", key: "at", sorter: true, sortOrder: sortOrderOf("at"), width: 170, render: (_value, event) => formatCountyTime(event.at, "YYYY-MM-DD HH:mm:ss") },
    {
      title: "操作人",
      key: "actor",
      render: (_value, event) => {
        const name = event.actorName ?? actorTypeLabels[event.actorType];
        if (!event.actorId || event.actorType !== "staff") return name;
        const actorId = event.actorId;
        return (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => filterByActor({ value: actorId, label: name })}>
            {name}
          </Button>
        );
      },
    },
    { title: "动作", key: "action", render: (_value, event) => <Typography.Text title={event.action}>{auditActionLabel(event.action)}</Typography.Text> },
    {
      title: "对象",
      key: "target",
      render: (_value, event) =>
        event.targetType ? (
          <Typography.Text title={event.targetId ?? undefined}>
            {auditTargetTypeLabel(event.targetType)}
            {event.targetName ? <Typography.Text type="secondary"> · {event.targetName}</Typography.Text> : null}
          </Typography.Text>
        ) : (
          "—"
        ),
    },
    { title: "来源 IP", key: "ip", render: (_value, event) => event.ip ?? "—", width: 140 },
  ];
}
