import { useState } from "react";
import { Button, Flex, Form, Input, Modal, Popconfirm, Table, Tooltip, Typography } from "antd";
import type { RiskLexicon } from "@xinyuan/shared";
import { ignoreProblem, putIgnore, putTerm, removeIgnore, removeTerm, termNameProblem, termRemovalProblem, termsOf, termUses, termValueProblem } from "../lexiconParts";

const pageSize = 15;

/** Adds or edits one named term; checked as typed (name, compiles, the terms it names exist). */
function TermForm({ draft, previous, onDone, onCancel }: { draft: RiskLexicon; previous: string | null; onDone: (name: string, value: string) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ name: string; value: string }>();
  const verdict = (problem: string | null) => (problem ? Promise.reject(new Error(problem)) : Promise.resolve());
  const checkName = () => verdict(termNameProblem(draft, (form.getFieldValue("name") as string | undefined)?.trim() ?? "", previous));
  const checkValue = () => verdict(termValueProblem(draft, (form.getFieldValue("name") as string | undefined)?.trim() ?? "", (form.getFieldValue("value") as string | undefined) ?? "", previous));
  return (
    <Modal
      open
      title={previous === null ? "新增片段" : `修改片段 {{${previous}}}`}
      okText="放入草稿"
      cancelText="取消"
      onCancel={onCancel}
      maskClosable={false}
      onOk={() => void form.validateFields().then((values) => onDone(values.name.trim(), values.value))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ name: previous ?? "", value: previous !== null ? termsOf(draft)[previous] ?? "" : "" }} data-testid="term-form">
        <Form.Item name="name" label="名称（规则里写作 {{名称}}）" rules={[{ validator: checkName }]}>
          <Input placeholder="例如 place" aria-label="片段名称" />
        </Form.Item>
        <Form.Item name="value" label="内容（正则表达式）" rules={[{ validator: checkValue }]} dependencies={["name"]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} spellCheck={false} style={{ fontFamily: "monospace" }} placeholder="例如 (?:楼顶|天台|河边)" aria-label="片段内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Adds or edits one ignore phrase; checked as typed like a rule. */
function IgnoreForm({ draft, index, onDone, onCancel }: { draft: RiskLexicon; index: number | null; onDone: (phrase: string) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ phrase: string }>();
  return (
    <Modal open title={index === null ? "新增忽略短语" : "修改忽略短语"} okText="放入草稿" cancelText="取消" onCancel={onCancel} onOk={() => void form.validateFields().then((values) => onDone(values.phrase))} maskClosable={false} destroyOnHidden>
      <Typography.Paragraph type="secondary">只是看起来像风险的说法（例如“笑死我了”“想死你了”“防欺凌讲座”）：落在这些短语里的命中会被忽略。可以用正则表达式和 {"{{名称}}"}。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ phrase: index !== null ? draft.ignore[index] ?? "" : "" }} data-testid="ignore-form">
        <Form.Item
          name="phrase"
          label="忽略短语"
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = ignoreProblem(draft, value ?? "", index);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input spellCheck={false} style={{ fontFamily: "monospace" }} placeholder="例如 累死(?:了|啦)" aria-label="忽略短语" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The draft's named terms (片段) and ignore phrases (忽略短语), one at a time: add, edit, remove. A term in
 * use cannot be renamed or removed (the rules naming it would stop compiling); edits go into the same draft
 * as the entries, so 试运行 and the activation gate see them unchanged.
 */
export function TermsAndIgnoreEditor({ draft, onChange }: { draft: RiskLexicon; onChange: (next: RiskLexicon) => void }) {
  const [term, setTerm] = useState<{ previous: string | null } | null>(null);
  const [ignore, setIgnore] = useState<{ index: number | null } | null>(null);
  const [termPage, setTermPage] = useState(1);
  const [ignorePage, setIgnorePage] = useState(1);
  const terms = Object.entries(termsOf(draft)).map(([name, value]) => ({ name, value, uses: termUses(draft, name) }));
  const ignores = draft.ignore.map((phrase, index) => ({ index, phrase }));

  return (
    <Flex vertical gap={16} data-testid="terms-and-ignore">
      <div>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>片段（{terms.length}）：规则里用 {"{{名称}}"} 引用的常用写法</Typography.Text>
          <Button type="primary" onClick={() => setTerm({ previous: null })} data-testid="add-term">
            新增片段
          </Button>
        </Flex>
        <Table
          size="small"
          rowKey="name"
          dataSource={terms}
          pagination={{ pageSize, current: termPage, onChange: setTermPage, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: "还没有片段。点“新增片段”添加。" }}
          columns={[
            { title: "名称", width: 140, render: (_, row) => <Typography.Text code>{`{{${row.name}}}`}</Typography.Text> },
            { title: "内容", render: (_, row) => <Typography.Text code style={{ wordBreak: "break-all" }}>{row.value}</Typography.Text> },
            { title: "被引用", width: 80, render: (_, row) => `${row.uses} 处` },
            {
              title: "操作",
              width: 130,
              render: (_, row) => {
                const blocked = termRemovalProblem(draft, row.name);
                return (
                  <Flex gap={4}>
                    <Button size="small" onClick={() => setTerm({ previous: row.name })}>
                      修改
                    </Button>
                    {blocked ? (
                      <Tooltip title={blocked}>
                        <Button size="small" danger disabled>
                          删除
                        </Button>
                      </Tooltip>
                    ) : (
                      <Popconfirm title="从草稿中删除这个片段？" okText="删除" cancelText="取消" onConfirm={() => {
                          const next = removeTerm(draft, row.name);
                          onChange(next);
                          setTermPage((current) => Math.min(current, Math.max(1, Math.ceil(Object.keys(termsOf(next)).length / pageSize))));
                        }}
                      >
                        <Button size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    )}
                  </Flex>
                );
              },
            },
          ]}
        />
      </div>
      <div>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>忽略短语（{ignores.length}）：日常夸张说法，落在其中的命中不算</Typography.Text>
          <Button type="primary" onClick={() => setIgnore({ index: null })} data-testid="add-ignore">
            新增忽略短语
          </Button>
        </Flex>
        <Table
          size="small"
          rowKey="index"
          dataSource={ignores}
          pagination={{ pageSize, current: ignorePage, onChange: setIgnorePage, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: "还没有忽略短语。点“新增忽略短语”添加。" }}
          columns={[
            { title: "#", width: 48, render: (_, row) => row.index + 1 },
            { title: "短语", render: (_, row) => <Typography.Text code style={{ wordBreak: "break-all" }}>{row.phrase}</Typography.Text> },
            {
              title: "操作",
              width: 130,
              render: (_, row) => (
                <Flex gap={4}>
                  <Button size="small" onClick={() => setIgnore({ index: row.index })}>
                    修改
                  </Button>
                  <Popconfirm
                    title="从草稿中删除这个忽略短语？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => {
                      const next = removeIgnore(draft, row.index);
                      onChange(next);
                      setIgnorePage((current) => Math.min(current, Math.max(1, Math.ceil(next.ignore.length / pageSize))));
                    }}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      </div>
      {term ? (
        <TermForm
          draft={draft}
          previous={term.previous}
          onCancel={() => setTerm(null)}
          onDone={(name, value) => {
            const next = putTerm(draft, name, value, term.previous);
            onChange(next);
            // show it where it now is: a new (or renamed) term goes last, often beyond the first page
            const index = Object.keys(termsOf(next)).indexOf(name);
            setTermPage(Math.floor(index / pageSize) + 1);
            setTerm(null);
          }}
        />
      ) : null}
      {ignore ? (
        <IgnoreForm
          draft={draft}
          index={ignore.index}
          onCancel={() => setIgnore(null)}
          onDone={(phrase) => {
            const next = putIgnore(draft, phrase, ignore.index);
            onChange(next);
            if (ignore.index === null) setIgnorePage(Math.max(1, Math.ceil(next.ignore.length / pageSize)));
            setIgnore(null);
          }}
        />
      ) : null}
    </Flex>
  );
}
