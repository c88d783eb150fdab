import { useState } from "react";
import { Button, Flex, Popconfirm, Table, Tabs, Tag, Typography } from "antd";
import { riskLevelLabels, riskSignalCategories, riskSignalCategoryLabels, type RiskLexicon, type RiskLexiconEntry, type RiskSignalCategory } from "@xinyuan/shared";
import { entriesOf, putEntry, removeEntry, type EntryPlace } from "../lexiconEntries";
import { EntryForm } from "./EntryForm";

const pageSize = 15;
const levelColors: Record<string, string> = { low: "default", medium: "orange", high: "red", imminent: "magenta" };

interface Row {
  index: number;
  entry: RiskLexiconEntry;
}

/** The draft's entries by category: level, negation, second cue, note; add, edit and remove through EntryForm. */
export function EntryTable({ draft, onChange }: { draft: RiskLexicon; onChange: (next: RiskLexicon) => void }) {
  const [category, setCategory] = useState<RiskSignalCategory>("suicide");
  const [editing, setEditing] = useState<{ place: EntryPlace | null; entry: RiskLexiconEntry | null } | null>(null);
  const [page, setPage] = useState(1);
  const rows: Row[] = entriesOf(draft, category).map((entry, index) => ({ index, entry }));

  return (
    <>
      <Tabs
        activeKey={category}
        onChange={(key) => {
          setCategory(key as RiskSignalCategory);
          setPage(1);
        }}
        items={riskSignalCategories.map((key) => ({ key, label: `${riskSignalCategoryLabels[key]}（${entriesOf(draft, key).length}）` }))}
        tabBarExtraContent={
          <Button type="primary" onClick={() => setEditing({ place: null, entry: null })} data-testid="add-entry">
            新增条目
          </Button>
        }
      />
      <Table<Row>
        size="small"
        rowKey="index"
        dataSource={rows}
        pagination={{ pageSize, current: page, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: "这个类别还没有条目。点“新增条目”添加。" }}
        columns={[
          { title: "#", width: 48, render: (_, row) => row.index + 1 },
          { title: "匹配规则", render: (_, row) => <Typography.Text code style={{ wordBreak: "break-all" }}>{row.entry.pattern}</Typography.Text> },
          { title: "等级", width: 90, render: (_, row) => <Tag color={levelColors[row.entry.level]}>{riskLevelLabels[row.entry.level]}</Tag> },
          { title: "否定时不算", width: 96, render: (_, row) => (row.entry.negatable ? "是" : "否") },
          {
            title: "附加条件",
            render: (_, row) =>
              row.entry.near ? (
                <span>
                  前后 {row.entry.within ?? 24} 字内需有 <Typography.Text code>{row.entry.near}</Typography.Text>
                </span>
              ) : (
                <Typography.Text type="secondary">无</Typography.Text>
              ),
          },
          { title: "备注", render: (_, row) => row.entry.note ?? "" },
          {
            title: "操作",
            width: 130,
            render: (_, row) => (
              <Flex gap={4}>
                <Button size="small" onClick={() => setEditing({ place: { category, index: row.index }, entry: row.entry })}>
                  修改
                </Button>
                <Popconfirm title="从草稿中删除这一条？" description="保存为新版本前不会影响正在使用的词库。" okText="删除" cancelText="取消" onConfirm={() => {
                    const next = removeEntry(draft, { category, index: row.index });
                    onChange(next);
                    setPage((current) => Math.min(current, Math.max(1, Math.ceil(entriesOf(next, category).length / pageSize))));
                  }}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      {editing ? (
        <EntryForm
          draft={draft}
          place={editing.place}
          initial={{ category, entry: editing.entry }}
          onCancel={() => setEditing(null)}
          onDone={(target, entry) => {
            const next = putEntry(draft, target, entry, editing.place);
            onChange(next);
            // show the entry where it now is: in place when edited there, else last in its category
            const index = editing.place && editing.place.category === target ? editing.place.index : entriesOf(next, target).length - 1;
            setCategory(target);
            setPage(Math.floor(index / pageSize) + 1);
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
