import { useState } from "react";
import { App as AntApp, Button, Card, Flex, Input, Select, Typography } from "antd";
import type { SchoolPlanView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import * as api from "../service";

/** "职务 姓名 电话" per line ⇄ the plan's contact list. */
const contactsToText = (contacts: SchoolPlanView["contacts"]) => contacts.map((c) => `${c.role} ${c.name} ${c.phone}`).join("\n");
function textToContacts(text: string): SchoolPlanView["contacts"] {
  return text
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((parts) => parts.length >= 3)
    .map(([role, name, ...phone]) => ({ role: role!, name: name!, phone: phone.join(" ") }));
}

/** Each school's 应急预案: the plan text and its contact list, shown in that school's cases. */
export function SchoolPlanEditor() {
  const { message } = AntApp.useApp();
  const [q, setQ] = useState("");
  const schools = useAsync(() => api.searchSchools(q), [q]);
  const [schoolId, setSchoolId] = useState<string>();
  const [planText, setPlanText] = useState("");
  const [contacts, setContacts] = useState("");
  const [saving, setSaving] = useState(false);

  const pick = async (id: string) => {
    setSchoolId(id);
    try {
      const plan = await api.fetchSchoolPlan(id);
      setPlanText(plan.planText);
      setContacts(contactsToText(plan.contacts));
    } catch {
      message.error("预案没能加载出来，请稍后再试。");
    }
  };

  return (
    <Card size="small" title="学校应急预案">
      <Flex vertical gap={8}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          placeholder="搜索并选择学校"
          value={schoolId}
          onChange={(id: string) => void pick(id)}
          loading={schools.loading}
          options={(schools.data?.items ?? []).map((school) => ({ value: school.id, label: school.name }))}
          aria-label="学校"
        />
        {schoolId ? (
          <>
            <Input.TextArea rows={6} value={planText} onChange={(e) => setPlanText(e.target.value)} placeholder="预案正文：发现危机时谁做什么、联系谁、送往哪里" aria-label="预案正文" />
            <Typography.Text type="secondary">联系人，每行一位：职务 姓名 电话</Typography.Text>
            <Input.TextArea rows={4} value={contacts} onChange={(e) => setContacts(e.target.value)} placeholder="分管副校长 王某 138xxxx" aria-label="预案联系人" />
            <Button
              type="primary"
              loading={saving}
              onClick={() => {
                setSaving(true);
                void api
                  .saveSchoolPlan(schoolId, { planText, contacts: textToContacts(contacts) })
                  .then(() => message.success("预案已保存"))
                  .catch(() => undefined)
                  .finally(() => setSaving(false));
              }}
            >
              保存预案
            </Button>
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
