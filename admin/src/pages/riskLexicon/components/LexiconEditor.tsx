import { useState } from "react";
import { Alert, Button, Card, Flex, Input, Space, Typography } from "antd";
import type { RiskLexicon, RiskLexiconTrialView, RiskLexiconVersionDetailView, RiskLexiconVersionView } from "@xinyuan/shared";
import { asApiError } from "../../../hooks/useAsync";
import { saveVersion, trialLexicon } from "../service";
import { FiguresComparison } from "./FiguresComparison";

type Parsed = { content: RiskLexicon; error: null } | { content: null; error: string };

function parse(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { content: null, error: "词库必须是一个 JSON 对象。" };
    return { content: value as RiskLexicon, error: null };
  } catch (error) {
    return { content: null, error: `JSON 格式有误：${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Edits a copy of a version as JSON (the structure is explained in the lexicon's `about`), runs it on the
 * corpus (试运行) and saves it as a new version. Saving never activates.
 */
export function LexiconEditor({ base, onSaved, onClose }: { base: RiskLexiconVersionDetailView; onSaved: (saved: RiskLexiconVersionView) => void; onClose: () => void }) {
  const [text, setText] = useState(() => JSON.stringify(base.content, null, 2));
  const [note, setNote] = useState("");
  const [trial, setTrial] = useState<RiskLexiconTrialView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<"trial" | "save" | null>(null);
  const parsed = parse(text);

  const runTrial = async () => {
    if (!parsed.content) return;
    setBusy("trial");
    setProblem(null);
    try {
      setTrial(await trialLexicon(parsed.content));
    } catch (error) {
      const apiError = asApiError(error);
      const reason = (apiError.details as { reason?: string } | undefined)?.reason;
      setProblem(reason ? `${apiError.message}（${reason}）` : apiError.message);
      setTrial(null);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (!parsed.content) return;
    setBusy("save");
    try {
      onSaved(await saveVersion({ content: parsed.content, note, basedOnId: base.id }));
    } catch {
      // the request wrapper has shown the refusal
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={`编辑词库（以第 ${base.number} 版为底稿）`} extra={<Button onClick={onClose}>关闭</Button>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          每个类别下是一组规则：pattern 为正则表达式（可用 {"{{名称}}"} 引用 terms 里的片段），level 为风险等级，negatable 表示前面有“不/没有”时不算。修改后先试运行，看检出率和误报率有没有变差。
        </Typography.Text>
        <Input.TextArea value={text} onChange={(event) => setText(event.target.value)} autoSize={{ minRows: 16, maxRows: 32 }} spellCheck={false} style={{ fontFamily: "monospace", fontSize: 12 }} aria-label="词库 JSON" />
        {parsed.error ? <Alert type="error" showIcon message={parsed.error} /> : null}
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
        <Input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} placeholder="这次改了什么（例如：新增“想去彩虹桥”，来自误报复核）" aria-label="修改说明" />
        <Space>
          <Button onClick={runTrial} loading={busy === "trial"} disabled={!parsed.content}>
            试运行
          </Button>
          <Button type="primary" onClick={save} loading={busy === "save"} disabled={!parsed.content || !trial}>
            保存为新版本
          </Button>
          {!trial ? <Typography.Text type="secondary">先试运行，再保存。</Typography.Text> : null}
        </Space>
        {trial ? <FiguresComparison before={trial.before} after={trial.after} /> : null}
      </Flex>
    </Card>
  );
}
