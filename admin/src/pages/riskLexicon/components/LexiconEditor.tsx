import { useState } from "react";
import { Alert, Button, Card, Flex, Input, Segmented, Space, Typography } from "antd";
import type { RiskLexicon, RiskLexiconTrialView, RiskLexiconVersionDetailView, RiskLexiconVersionView } from "@xinyuan/shared";
import { asApiError } from "../../../hooks/useAsync";
import { saveVersion, trialLexicon } from "../service";
import { FiguresComparison } from "./FiguresComparison";
import { EntryTable } from "./EntryTable";
import { TermsAndIgnoreEditor } from "./TermsAndIgnoreEditor";

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

type Mode = "entries" | "parts" | "json";

/**
 * Edits a copy of a version: entry by entry (a table per category and a form), its named terms and ignore
 * phrases one at a time, or, as an advanced option,
 * the whole lexicon as JSON (the structure is explained in its `about`). Any change clears the last 试运行:
 * the draft is saved only after its before/after figures on the corpus have been seen. Saving never activates.
 */
export function LexiconEditor({ base, onSaved, onClose }: { base: RiskLexiconVersionDetailView; onSaved: (saved: RiskLexiconVersionView) => void; onClose: () => void }) {
  const [draft, setDraft] = useState<RiskLexicon>(() => structuredClone(base.content));
  const [mode, setMode] = useState<Mode>("entries");
  const [text, setText] = useState("");
  const [note, setNote] = useState("");
  const [trial, setTrial] = useState<RiskLexiconTrialView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<"trial" | "save" | null>(null);
  const parsed = mode === "json" ? parse(text) : ({ content: draft, error: null } as Parsed);

  const change = (next: RiskLexicon) => {
    setDraft(next);
    setTrial(null);
  };

  const switchMode = (next: Mode) => {
    if (next === mode) return;
    if (next === "json") {
      setText(JSON.stringify(draft, null, 2));
      setMode("json");
      return;
    }
    if (!parsed.content) return; // the JSON error stays on screen; fix it first
    setDraft(parsed.content);
    setMode(next);
  };

  const runTrial = async () => {
    if (!parsed.content) return;
    if (mode === "json") setDraft(parsed.content);
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
    <Card title={`编辑词库（以第 ${base.number} 版为底稿）`} extra={<Button onClick={onClose}>关闭</Button>} data-testid="lexicon-editor">
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">改动只在这份草稿里，保存为新版本、再启用后才会生效。每次改动后请先试运行，看检出率和误报率有没有变差。</Typography.Text>
          <Segmented<Mode>
            value={mode}
            onChange={switchMode}
            options={[
              { value: "entries", label: "按条目编辑" },
              { value: "parts", label: "片段与忽略短语" },
              { value: "json", label: "高级：直接编辑 JSON" },
            ]}
          />
        </Flex>
        {mode === "entries" ? <EntryTable draft={draft} onChange={change} /> : null}
        {mode === "parts" ? <TermsAndIgnoreEditor draft={draft} onChange={change} /> : null}
        {mode === "json" ? (
          <>
            <Typography.Text type="secondary">
              整个词库的 JSON：除条目外还有规范化（繁简对照、俚语改写）、否定词、忽略短语和片段（terms）。pattern 为正则表达式（可用 {"{{名称}}"} 引用 terms 里的片段）。
            </Typography.Text>
            <Input.TextArea
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setTrial(null);
              }}
              autoSize={{ minRows: 16, maxRows: 32 }}
              spellCheck={false}
              style={{ fontFamily: "monospace", fontSize: 12 }}
              aria-label="词库 JSON"
            />
            {parsed.error ? <Alert type="error" showIcon message={parsed.error} /> : null}
          </>
        ) : null}
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
        <Input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} placeholder="这次改了什么（例如：新增“想去彩虹桥”，来自误报复核）" aria-label="修改说明" />
        <Space wrap>
          <Button onClick={runTrial} loading={busy === "trial"} disabled={!parsed.content} data-testid="run-trial">
            试运行
          </Button>
          <Button type="primary" onClick={save} loading={busy === "save"} disabled={!parsed.content || !trial} data-testid="save-version">
            保存为新版本
          </Button>
          {!trial ? <Typography.Text type="secondary">先试运行，看到改动前后的指标，再保存。</Typography.Text> : null}
        </Space>
        {trial ? (
          <div data-testid="trial-figures">
            <Typography.Text strong>改动前（正在使用的版本）→ 改动后（这份草稿），同一批语料：</Typography.Text>
            <FiguresComparison before={trial.before} after={trial.after} />
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}
