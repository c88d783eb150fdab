import { useState } from "react";
import { Alert, Button, Divider, Flex, Form, Input, InputNumber, Modal, Select, Space, Switch, Tag, Typography } from "antd";
import {
  riskLevelLabels,
  riskSignalCategories,
  riskSignalCategoryLabels,
  type RiskLexicon,
  type RiskLexiconEntry,
  type RiskSentenceTrialView,
  type RiskSentenceVerdictView,
  type RiskSignalCategory,
} from "@xinyuan/shared";
import { asApiError } from "../../../hooks/useAsync";
import { patternProblem, putEntry, type EntryPlace } from "../lexiconEntries";
import { trialSentence } from "../service";

const entryLevels = ["low", "medium", "high", "imminent"] as const;

interface EntryValues {
  category: RiskSignalCategory;
  pattern: string;
  level: RiskLexiconEntry["level"];
  negatable: boolean;
  near?: string;
  within?: number | null;
  note?: string;
}

function verdictText(verdict: RiskSentenceVerdictView): string {
  if (verdict.level === "none") return "没有命中";
  const words = [...new Set(verdict.matches.map((match) => `“${match.text}”`))].join("、");
  return `${words}：${riskLevelLabels[verdict.level]}（${verdict.categories.map((category) => riskSignalCategoryLabels[category]).join("、")}）`;
}

/**
 * Adds or edits one entry: category, pattern (checked as typed: it must compile and must not match empty
 * text), level, whether a negation before it cancels it, an optional second cue, a note; and a typed
 * sentence tried on this entry alone and on the whole draft, on the server, with the draft's normalisation.
 */
export function EntryForm(props: {
  draft: RiskLexicon;
  place: EntryPlace | null;
  initial: { category: RiskSignalCategory; entry: RiskLexiconEntry | null };
  onDone: (category: RiskSignalCategory, entry: RiskLexiconEntry) => void;
  onCancel: () => void;
}) {
  const { draft, place, initial, onDone, onCancel } = props;
  const terms = (draft.terms ?? {}) as Record<string, string>;
  const [form] = Form.useForm<EntryValues>();
  const [sentence, setSentence] = useState("");
  const [trying, setTrying] = useState(false);
  const [result, setResult] = useState<RiskSentenceTrialView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const entryOf = (values: EntryValues): RiskLexiconEntry => ({
    pattern: values.pattern,
    level: values.level,
    negatable: values.negatable,
    near: values.near?.trim() ? values.near.trim() : undefined,
    within: values.near?.trim() && values.within ? values.within : undefined,
    note: values.note,
  });

  const tryIt = async () => {
    setProblem(null);
    setResult(null);
    if (!sentence.trim()) {
      setProblem("请先输入一句要测试的话。");
      return;
    }
    const values = await form.validateFields().catch(() => null);
    if (!values) {
      setProblem("请先把上面标红的地方改好，再测试。");
      return;
    }
    const entry = entryOf(values);
    setTrying(true);
    try {
      setResult(await trialSentence({ content: putEntry(draft, values.category, entry, place), text: sentence, entry: { category: values.category, entry } }));
    } catch (error) {
      const apiError = asApiError(error);
      const reason = (apiError.details as { reason?: string } | undefined)?.reason;
      setProblem(reason ? `${apiError.message}（${reason}）` : apiError.message);
    } finally {
      setTrying(false);
    }
  };

  const finish = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) onDone(values.category, entryOf(values));
  };

  const ruleValidator = (what: string, required: boolean) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (!required && !value?.trim()) return;
      const found = patternProblem(value ?? "", terms, what);
      if (found) throw new Error(found);
    },
  });

  return (
    <Modal open title={place ? "修改条目" : "新增条目"} okText={place ? "保存修改" : "加入草稿"} cancelText="取消" onOk={() => void finish()} onCancel={onCancel} maskClosable={false} destroyOnHidden width={680}>
      <Form<EntryValues>
        form={form}
        layout="vertical"
        initialValues={{
          category: initial.category,
          pattern: initial.entry?.pattern ?? "",
          level: initial.entry?.level ?? "high",
          negatable: initial.entry?.negatable ?? false,
          near: initial.entry?.near ?? "",
          within: initial.entry?.within ?? null,
          note: initial.entry?.note ?? "",
        }}
        onValuesChange={() => setResult(null)}
      >
        <Flex gap={12}>
          <Form.Item name="category" label="类别" style={{ flex: 1 }} rules={[{ required: true, message: "请选择类别" }]}>
            <Select aria-label="类别" options={riskSignalCategories.map((category) => ({ value: category, label: riskSignalCategoryLabels[category] }))} />
          </Form.Item>
          <Form.Item name="level" label="风险等级" style={{ flex: 1 }} rules={[{ required: true, message: "请选择风险等级" }]}>
            <Select aria-label="风险等级" options={entryLevels.map((level) => ({ value: level, label: riskLevelLabels[level] }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="pattern"
          label="匹配规则"
          extra={<span>正则表达式，对规范化后的文字（简体、去空格、俚语已改写）匹配；可用 {"{{名称}}"} 引用下方的片段。例如：想去彩虹桥、{"{{family}}"}打我</span>}
          rules={[ruleValidator("规则", true)]}
          validateTrigger={["onChange", "onBlur"]}
        >
          <Input aria-label="匹配规则" style={{ fontFamily: "monospace" }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="negatable" label="前面有“不 / 没有”等否定时不算（“我不想死”）" valuePropName="checked">
          <Switch aria-label="否定时不算" checkedChildren="否定时不算" unCheckedChildren="否定也算" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="near" label="附近还需出现（可不填）" style={{ flex: 3 }} extra="第二个线索，例如地点和“现在”：楼顶|天台" rules={[ruleValidator("附加条件", false)]}>
            <Input aria-label="附加条件" style={{ fontFamily: "monospace" }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="within" label="前后多少字内" style={{ flex: 1 }} extra="不填为 24">
            <InputNumber aria-label="附加条件范围" min={1} max={200} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label="备注（可不填）">
          <Input aria-label="备注" maxLength={200} placeholder="例如：来自误报复核" />
        </Form.Item>
      </Form>
      <Divider style={{ margin: "8px 0 12px" }}>用一句话测试</Divider>
      <Space.Compact style={{ width: "100%" }}>
        <Input aria-label="测试的话" value={sentence} maxLength={500} onChange={(event) => setSentence(event.target.value)} onPressEnter={() => void tryIt()} placeholder="输入一句学生可能会写的话" />
        <Button onClick={() => void tryIt()} loading={trying} data-testid="try-sentence">
          测试
        </Button>
      </Space.Compact>
      {problem ? <Alert type="error" showIcon message={problem} style={{ marginTop: 12 }} /> : null}
      {result ? (
        <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid="sentence-result">
          <Typography.Text data-testid="sentence-entry-result">
            这一条：{result.entry && result.entry.level !== "none" ? <Tag color="red">命中</Tag> : <Tag>没有命中</Tag>}
            {result.entry && result.entry.level !== "none" ? verdictText(result.entry) : null}
          </Typography.Text>
          <Typography.Text>整个词库（含这一条）：{verdictText(result.whole)}</Typography.Text>
          <Typography.Text type="secondary">规范化后的文字：{result.normalised}</Typography.Text>
        </Flex>
      ) : null}
      {Object.keys(terms).length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          可用的片段：{Object.keys(terms).map((name) => `{{${name}}}`).join("、")}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
