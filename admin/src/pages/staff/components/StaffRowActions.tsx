import { App, Button, Dropdown, Space, type MenuProps } from "antd";
import { DownOutlined } from "@ant-design/icons";
import type { StaffView } from "@xinyuan/shared";
import { disableStaff, enableStaff, resetStaffPassword, resetStaffTotp } from "../service";
import { temporaryPasswordOf } from "../temporaryPassword";

interface StaffRowActionsProps {
  staff: StaffView;
  isSelf: boolean;
  onEdit: (staff: StaffView) => void;
  onTemporaryPassword: (shown: { displayName: string; password: string }) => void;
  onChanged: () => void;
}

/** Edit, reset password, reset the authenticator, disable or enable: each one asks first. */
export function StaffRowActions({ staff, isSelf, onEdit, onTemporaryPassword, onChanged }: StaffRowActionsProps) {
  const { modal, message } = App.useApp();

  const confirm = (title: string, content: string, action: () => Promise<void>, danger = false) => {
    modal.confirm({
      title,
      content,
      okText: "确定",
      cancelText: "取消",
      okButtonProps: { danger },
      onOk: () => action().catch(() => undefined),
    });
  };

  const resetPassword = () =>
    confirm(`重置 ${staff.displayName} 的密码？`, "对方当前的密码会立即失效，并会生成一个只显示一次的临时密码。", async () => {
      const password = temporaryPasswordOf(await resetStaffPassword(staff.id));
      if (password) onTemporaryPassword({ displayName: staff.displayName, password });
      else void message.success("密码已重置");
      onChanged();
    });

  const resetTotp = () =>
    confirm(`解绑 ${staff.displayName} 的身份验证器？`, "适用于对方更换或丢失手机。解绑后，对方下次登录时需要重新绑定。", async () => {
      await resetStaffTotp(staff.id);
      void message.success("身份验证器已解绑");
      onChanged();
    });

  const toggleStatus = () =>
    staff.status === "active"
      ? confirm(`停用 ${staff.displayName} 的账号？`, "停用后对方立即退出，无法再登录；历史记录会保留。可以随时重新启用。", async () => {
          await disableStaff(staff.id);
          void message.success("账号已停用");
          onChanged();
        }, true)
      : confirm(`重新启用 ${staff.displayName} 的账号？`, "启用后对方可以再次登录。", async () => {
          await enableStaff(staff.id);
          void message.success("账号已启用");
          onChanged();
        });

  const more: MenuProps["items"] = [
    { key: "password", label: "重置密码", onClick: resetPassword },
    { key: "totp", label: "解绑身份验证器", disabled: !staff.totpEnabled, onClick: resetTotp },
    { type: "divider" },
    staff.status === "active"
      ? { key: "disable", label: "停用账号", danger: true, onClick: toggleStatus }
      : { key: "enable", label: "启用账号", onClick: toggleStatus },
  ];

  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => onEdit(staff)}>
        编辑
      </Button>
      {isSelf ? null : (
        <Dropdown menu={{ items: more }} trigger={["click"]}>
          <Button type="link" size="small" aria-label={`${staff.displayName} 的更多操作`}>
            更多 <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
