import { useState } from "react";
import { App, Button, Flex, Input, Select, Space, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { schoolStageLabels, schoolStages, type SchoolStage, type SchoolView } from "@xinyuan/shared";
import { ServerTable } from "../../../components/serverTable/ServerTable";
import { useServerTable } from "../../../components/serverTable/useServerTable";
import { useAsync } from "../../../hooks/useAsync";
import { listAreaOptions, listSchools } from "../service";
import { SchoolFormModal } from "./SchoolFormModal";

interface SchoolFilters {
  q?: string;
  areaId?: string;
  stage?: SchoolStage;
}

export function SchoolsTab() {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<SchoolFilters>({});
  const table = useServerTable(listSchools, filters);
  const areas = useAsync(listAreaOptions, []);
  const [editing, setEditing] = useState<{ school: SchoolView | null } | null>(null);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={12}>
        <Space wrap>
          <Input.Search placeholder="搜索学校名称" allowClear onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined })} style={{ width: 220 }} aria-label="搜索学校" />
          <Select
            placeholder="全部片区"
            allowClear
            loading={areas.loading}
            value={filters.areaId}
            onChange={(areaId: string | undefined) => setFilters({ ...filters, areaId })}
            options={(areas.data ?? []).map((area) => ({ value: area.id, label: area.name }))}
            style={{ width: 160 }}
          />
          <Select
            placeholder="全部学段"
            allowClear
            value={filters.stage}
            onChange={(stage: SchoolStage | undefined) => setFilters({ ...filters, stage })}
            options={schoolStages.map((stage) => ({ value: stage, label: schoolStageLabels[stage] }))}
            style={{ width: 150 }}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ school: null })}>
          新建学校
        </Button>
      </Flex>
      <ServerTable<SchoolView>
        table={table}
        emptyDescription="没有符合条件的学校"
        columns={[
          { title: "学校名称", key: "name", dataIndex: "name", sorter: true, sortOrder: table.sortOrderOf("name") },
          { title: "学段", key: "stage", render: (_value, school) => schoolStageLabels[school.stage] },
          { title: "所属片区", key: "areaName", dataIndex: "areaName" },
          {
            title: "专职心理教师",
            key: "hasFullTimeCounsellor",
            render: (_value, school) => (school.hasFullTimeCounsellor ? <Tag color="green">有</Tag> : <Tag>由片区负责</Tag>),
          },
          {
            title: "操作",
            key: "actions",
            width: 100,
            render: (_value, school) => (
              <Button type="link" size="small" onClick={() => setEditing({ school })}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      {editing ? (
        <SchoolFormModal
          editing={editing.school}
          onClose={() => setEditing(null)}
          onSaved={() => {
            void message.success(editing.school ? "学校已保存" : "学校已创建");
            setEditing(null);
            table.reload();
          }}
        />
      ) : null}
    </Flex>
  );
}
