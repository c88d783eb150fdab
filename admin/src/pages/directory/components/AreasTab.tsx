import { useState } from "react";
import { App, Button, Flex } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { AreaView } from "@xinyuan/shared";
import { ServerTable } from "../../../components/serverTable/ServerTable";
import { useServerTable } from "../../../components/serverTable/useServerTable";
import { listAreas } from "../service";
import { AreaFormModal } from "./AreaFormModal";

const noFilters = {};

export function AreasTab() {
  const { message } = App.useApp();
  const table = useServerTable(listAreas, noFilters);
  const [editing, setEditing] = useState<{ area: AreaView | null } | null>(null);

  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ area: null })}>
          新建片区
        </Button>
      </Flex>
      <ServerTable<AreaView>
        table={table}
        emptyDescription="还没有片区"
        columns={[
          { title: "片区名称", key: "name", dataIndex: "name", sorter: true, sortOrder: table.sortOrderOf("name") },
          { title: "中心校", key: "centreSchoolName", render: (_value, area) => area.centreSchoolName ?? "未指定" },
          { title: "学校数", key: "schoolCount", dataIndex: "schoolCount", width: 100 },
          {
            title: "操作",
            key: "actions",
            width: 100,
            render: (_value, area) => (
              <Button type="link" size="small" onClick={() => setEditing({ area })}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      {editing ? (
        <AreaFormModal
          editing={editing.area}
          onClose={() => setEditing(null)}
          onSaved={() => {
            void message.success(editing.area ? "片区已保存" : "片区已创建");
            setEditing(null);
            table.reload();
          }}
        />
      ) : null}
    </Flex>
  );
}
