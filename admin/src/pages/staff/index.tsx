import { useState } from "react";
import { App, Button, Card, Flex } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { StaffView } from "@xinyuan/shared";
import { PageContainer } from "../../components/PageContainer";
import { ServerTable } from "../../components/serverTable/ServerTable";
import { useServerTable } from "../../components/serverTable/useServerTable";
import { useSession } from "../../session/useSession";
import { describeScope } from "../../layout/describeStaff";
import { StaffFilters, type StaffFilterValues } from "./components/StaffFilters";
import { StaffFormModal } from "./components/StaffFormModal";
import { StaffRowActions } from "./components/StaffRowActions";
import { TemporaryPasswordModal } from "./components/TemporaryPasswordModal";
import { staffColumns } from "./components/staffColumns";
import { temporaryPasswordOf } from "./temporaryPassword";
import { listStaff } from "./service";

type Editing = { kind: "closed" } | { kind: "create" } | { kind: "edit"; staff: StaffView };

/** 工作人员管理: accounts, roles and scopes inside the manager's own scope. */
export default function StaffPage() {
  const session = useSession();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<StaffFilterValues>({});
  const [editing, setEditing] = useState<Editing>({ kind: "closed" });
  const [temporaryPassword, setTemporaryPassword] = useState<{ displayName: string; password: string } | null>(null);
  const table = useServerTable(listStaff, filters);

  if (!session) return null;
  const manager = session.staff;

  const columns = staffColumns(table.sortOrderOf, (staff) => (
    <StaffRowActions
      staff={staff}
      isSelf={staff.id === manager.id}
      onEdit={(target) => setEditing({ kind: "edit", staff: target })}
      onTemporaryPassword={setTemporaryPassword}
      onChanged={table.reload}
    />
  ));

  return (
    <PageContainer
      title="工作人员管理"
      description={`管理范围：${describeScope(manager.scope)}。新账号会得到一个一次性临时密码，首次登录时需要修改。`}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: "create" })}>
          新建工作人员
        </Button>
      }
    >
      <Card>
        <Flex vertical gap={16}>
          <StaffFilters value={filters} onChange={setFilters} />
          <ServerTable<StaffView> table={table} columns={columns} emptyDescription="没有符合条件的工作人员" scroll={{ x: 960 }} />
        </Flex>
      </Card>
      {editing.kind === "closed" ? null : (
        <StaffFormModal
          editing={editing.kind === "edit" ? editing.staff : null}
          manager={manager}
          onClose={() => setEditing({ kind: "closed" })}
          onSaved={(answer, values) => {
            setEditing({ kind: "closed" });
            table.reload();
            const password = editing.kind === "create" ? temporaryPasswordOf(answer) : null;
            if (password) setTemporaryPassword({ displayName: values.displayName, password });
            else void message.success(editing.kind === "create" ? "账号已创建" : "已保存");
          }}
        />
      )}
      <TemporaryPasswordModal shown={temporaryPassword} onClose={() => setTemporaryPassword(null)} />
    </PageContainer>
  );
}
