import { Card, Descriptions } from "antd";
import type { StaffView } from "@xinyuan/shared";
import { describeRoles, describeScope } from "../../../layout/describeStaff";
import { formatCountyTime } from "../../../countyTime";

export function ProfileCard({ staff }: { staff: StaffView }) {
  return (
    <Card title="基本信息">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "name", label: "姓名", children: staff.displayName },
          { key: "username", label: "用户名", children: staff.username },
          { key: "roles", label: "角色", children: describeRoles(staff.roles) },
          { key: "scope", label: "所属范围", children: describeScope(staff.scope) },
          { key: "lastLogin", label: "上次登录", children: staff.lastLoginAt ? formatCountyTime(staff.lastLoginAt, "YYYY-MM-DD HH:mm") : "—" },
          { key: "created", label: "账号创建", children: formatCountyTime(staff.createdAt, "YYYY-MM-DD") },
        ]}
      />
    </Card>
  );
}
