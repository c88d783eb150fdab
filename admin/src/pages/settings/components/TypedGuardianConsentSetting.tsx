import { App, Flex, Switch, Typography } from "antd";
import { updateSettings } from "../service";
import { useSubmit } from "../../../hooks/useSubmit";

/** Whether an under-14's guardian may still consent by typing their name on the child's phone. */
export function TypedGuardianConsentSetting({ allowed, onSaved }: { allowed: boolean; onSaved: (allowed: boolean) => void }) {
  const { message } = App.useApp();
  const { busy, run: save } = useSubmit(async (next: boolean) => {
    const settings = await updateSettings({ allowTypedGuardianConsent: next });
    onSaved(settings.allowTypedGuardianConsent);
    void message.success(next ? "已允许监护人在孩子手机上填写姓名同意" : "已改为只接受监护人在自己微信里确认");
  });
  return (
    <Flex justify="space-between" align="center" gap={24}>
      <div>
        <Typography.Text strong>允许监护人在孩子的手机上填写姓名表示同意</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
          不满 14 岁的学生需要监护人同意。推荐的方式是孩子把邀请发到监护人自己的微信，由监护人确认；
          有些家长（如祖辈）没有微信，可保留填写姓名的方式。两种方式都会记录下来，工作人员能看到是哪一种。
        </Typography.Paragraph>
      </div>
      <Switch checked={allowed} loading={busy} onChange={(next) => void save(next)} aria-label="允许监护人在孩子的手机上填写姓名表示同意" />
    </Flex>
  );
}
