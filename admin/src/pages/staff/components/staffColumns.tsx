import type { ReactNode } from "react";
import { Flex, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { staffRoleLabels, type StaffView } from "@xinyuan/shared";
import { describeScope } from "../../../layout/describeStaff";
import type { SortOrder } from "../../../components/serverTable/tableSort";
import { formatCountyTime } from "../../../countyTime";

const when = (value: string | null) => (value ? formatCountyTime(value, "YYYY-MM-DD HH:mm") : "—");

/** Columns of the staff table; sortable ones are sorted by the server. */
export function staffColumns(sortOrderOf: (field: string) => SortOrder, renderActions: (staff: StaffView) => ReactNode): ColumnsType<StaffView> {
  return [
    {
      title: "姓名",
      key: "displayName",
      sorter: true,
      sortOrder: sortOrderOf("displayName"),
      render: (_value, staff) => (
        <Flex vertical>
          <Typography.Text strong>{staff.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {staff.username}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: "角色",
      key: "roles",
      render: (_value, staff) => (
        <Space size={[0, 4]} wrap>
          {staff.roles.map((role) => (
            <Tag key={role}>{staffRoleLabels[role]}</Tag>
          ))}
        </Space>
      ),
    },
    { title: "所属范围", key: "scope", render: (_value, staff) => describeScope(staff.scope) },
    {
      title: "状态",
      key: "status",
      render: (_value, staff) => (
        <Space size={[0, 4]} wrap>
          {staff.status === "active" ? <Tag color="green">正常</Tag> : <Tag>已停用</Tag>}
          {staff.mustChangePassword ? <Tag color="orange">待改密码</Tag> : null}
          {staff.totpEnabled ? <Tag color="blue">两步验证</Tag> : null}
        </Space>
      ),
    },
    { title: "最近登录", key: "lastLoginAt", sorter: true, sortOrder: sortOrderOf("lastLoginAt"), render: (_value, staff) => when(staff.lastLoginAt) },
    { title: "创建时间", key: "createdAt", sorter: true, sortOrder: sortOrderOf("createdAt"), render: (_value, staff) => when(staff.createdAt) },
    { title: "操作", key: "actions", fixed: "right", width: 150, render: (_value, staff) => renderActions(staff) },
  ];
}
