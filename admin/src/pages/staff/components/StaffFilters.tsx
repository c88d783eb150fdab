import { Input, Select, Space } from "antd";
import { staffRoleLabels, staffRoles, type StaffRole } from "@xinyuan/shared";

export interface StaffFilterValues {
  q?: string;
  role?: StaffRole;
  status?: "active" | "disabled";
}

interface StaffFiltersProps {
  value: StaffFilterValues;
  onChange: (value: StaffFilterValues) => void;
}

export function StaffFilters({ value, onChange }: StaffFiltersProps) {
  return (
    <Space wrap>
      <Input.Search
        placeholder="搜索姓名或用户名"
        allowClear
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 240 }}
        aria-label="搜索工作人员"
      />
      <Select<StaffRole>
        placeholder="全部角色"
        allowClear
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        options={staffRoles.map((role) => ({ value: role, label: staffRoleLabels[role] }))}
        style={{ width: 140 }}
      />
      <Select<"active" | "disabled">
        placeholder="全部状态"
        allowClear
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={[
          { value: "active", label: "正常" },
          { value: "disabled", label: "已停用" },
        ]}
        style={{ width: 120 }}
      />
    </Space>
  );
}
