import { App, Flex, Switch, Typography } from "antd";
import { updateSettings } from "../service";
import { useSubmit } from "../../../hooks/useSubmit";

interface RequireTotpSettingProps {
  enabled: boolean;
  onSaved: (enabled: boolean) => void;
}

/** The switch that makes two-step verification compulsory for every staff account. */
export function RequireTotpSetting({ enabled, onSaved }: RequireTotpSettingProps) {
  const { modal, message } = App.useApp();

  // A refusal is shown by the request wrapper.
  const { busy: saving, run: save } = useSubmit(async (next: boolean) => {
    const settings = await updateSettings({ requireTotpForAllStaff: next });
    onSaved(settings.requireTotpForAllStaff);
    void message.success(next ? "已要求所有工作人员开启两步验证" : "已改为由工作人员自愿开启两步验证");
  });

  function onToggle(next: boolean) {
    modal.confirm({
      title: next ? "要求所有工作人员开启两步验证？" : "不再强制两步验证？",
      content: next
        ? "开启后，尚未绑定身份验证器的工作人员下次登录时，需要先完成绑定才能继续使用。"
        : "关闭后，新账号可以不绑定身份验证器。工作台中有学生的求助记录，建议保持开启。",
      okText: next ? "开启" : "关闭",
      cancelText: "取消",
      okButtonProps: { danger: !next },
      onOk: () => save(next),
    });
  }

  return (
    <Flex justify="space-between" align="center" gap={24}>
      <div>
        <Typography.Text strong>要求所有工作人员开启两步验证</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
          登录时除密码外，还需输入手机身份验证器上的 6 位动态码。
        </Typography.Paragraph>
      </div>
      <Switch checked={enabled} loading={saving} onChange={onToggle} aria-label="要求所有工作人员开启两步验证" />
    </Flex>
  );
}
