import { Checkbox, Form, InputNumber, Radio, Select, Switch, TreeSelect, Input, Alert } from "antd";
import {
  ageBandLabels,
  ageBands,
  apiRoutes,
  contactActionLabels,
  contactActions,
  contactRepeats,
  referralTargetLabels,
  referralTargets,
  riskLevelLabels,
  riskLevels,
  statedGenderLabels,
  statedGenders,
  type ContactCategoryTreeView,
  type ContactChannel,
} from "@xinyuan/shared";
import { call } from "../../request";
import { useAsync } from "../../hooks/useAsync";
import { categoryTreeData, contactRecordWording } from "./contactRecordForm";

const labelled = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((key) => ({ value: key, label: labels[key] }));

/**
 * The structured contact record, shared by the hotline outcome and the end of a chat: duration,
 * categories from the county taxonomy (multi-select tree), risk level, what was done, referral,
 * follow-up and an encrypted summary. Put it inside a <Form>; map the values with toContactRecordBody.
 */
export function ContactRecordFields({ channel }: { channel: ContactChannel }) {
  const wording = contactRecordWording(channel);
  const categories = useAsync(() => call<typeof apiRoutes.listContactCategories, ContactCategoryTreeView[]>(apiRoutes.listContactCategories, { policy: "silent" }), []);
  const actions = Form.useWatch<string[] | undefined>("actions");
  const risk = Form.useWatch<string | undefined>("riskLevel");

  return (
    <>
      <Form.Item name="categoryIds" label={wording.categoryLabel} rules={[{ required: true, message: `请至少选择一个${wording.categoryLabel}` }]} extra={categories.error ? `分类没能加载：${categories.error.message}` : "可多选，大类或小类均可"}>
        <TreeSelect
          treeData={categories.data ? categoryTreeData(categories.data) : []}
          loading={categories.loading}
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_PARENT}
          treeNodeFilterProp="title"
          placeholder="选择一个或多个分类"
          allowClear
          maxTagCount={6}
          aria-label={wording.categoryLabel}
        />
      </Form.Item>
      <Form.Item name="riskLevel" label="风险评估" rules={[{ required: true, message: "请评估风险等级" }]}>
        <Radio.Group options={labelled(riskLevels, riskLevelLabels)} optionType="button" />
      </Form.Item>
      {risk === "high" || risk === "imminent" ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message="高风险：请按危机干预流程处理，并及时告知督导。" /> : null}
      <Form.Item name="durationMinutes" label="时长（分钟）" rules={[{ required: true, message: "请填写时长" }]}>
        <InputNumber min={0} max={600} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="repeat" label="首次 / 再次">
        <Radio.Group options={labelled(contactRepeats, wording.repeatLabels)} />
      </Form.Item>
      <Form.Item name="gender" label="性别（按对方所说）">
        <Radio.Group options={labelled(statedGenders, statedGenderLabels)} />
      </Form.Item>
      <Form.Item name="ageBand" label="年龄段">
        <Select allowClear placeholder="不清楚可不填" options={[...labelled(ageBands, ageBandLabels), { value: "unknown", label: "不清楚" }]} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="actions" label="采取的措施">
        <Checkbox.Group options={labelled(contactActions, contactActionLabels)} />
      </Form.Item>
      {actions?.includes("referral") ? (
        <Form.Item name="referralTargets" label="转介去向" rules={[{ required: true, message: "请选择转介去向" }]}>
          <Checkbox.Group options={labelled(referralTargets, referralTargetLabels)} />
        </Form.Item>
      ) : null}
      <Form.Item name="followUpNeeded" label="需要跟进" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="summary" label="记录摘要" extra="加密保存，仅本人、督导和之后接待同一化名的老师可见">
        <Input.TextArea rows={4} maxLength={4000} showCount placeholder="简要记录谈话内容、评估和后续安排" />
      </Form.Item>
    </>
  );
}
