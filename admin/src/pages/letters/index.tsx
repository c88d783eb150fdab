import { useState } from "react";
import { Badge, Card, Col, Empty, Input, List, Row, Select, Space, Tag, Typography } from "antd";
import { letterCategories, letterCategoryLabels, letterStatusLabels, letterStatuses, type ListLettersQuery } from "@xinyuan/shared";
import { useAsync } from "../../hooks/useAsync";
import { LoadFailed } from "../../components/LoadFailed";
import { fetchLetters, fetchMailboxes } from "./service";
import { LetterDetail } from "./components/LetterDetail";
import { replyDeadlineTag } from "./replyDeadline";
import { formatCountyTime } from "../../countyTime";

/**
 * 信箱: the letters of the mailboxes the teacher answers (urgent first, then by due date), filtered by
 * mailbox, status, due, risk and category, searchable by alias or subject; one letter open beside the list.
 */
export default function LettersPage() {
  const [filters, setFilters] = useState<Partial<ListLettersQuery>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const mailboxes = useAsync(() => fetchMailboxes(), []);
  const letters = useAsync(() => fetchLetters({ ...filters, pageSize: 100 }), [JSON.stringify(filters)]);
  const set = (change: Partial<ListLettersQuery>) => setFilters((current) => ({ ...current, ...change }));

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card title="来信" size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select allowClear placeholder="信箱" style={{ width: 180 }} options={(mailboxes.data ?? []).map((box) => ({ value: box.id, label: box.name }))} onChange={(mailboxId?: string) => set({ mailboxId })} />
            <Select allowClear placeholder="状态（默认未结束）" style={{ width: 150 }} options={letterStatuses.map((status) => ({ value: status, label: letterStatusLabels[status] }))} onChange={(status?: ListLettersQuery["status"]) => set({ status })} />
            <Select allowClear placeholder="期限" style={{ width: 110 }} options={[{ value: "overdue", label: "已超时" }, { value: "due_soon", label: "一天内到期" }]} onChange={(due?: ListLettersQuery["due"]) => set({ due })} />
            <Select allowClear placeholder="风险" style={{ width: 100 }} options={[{ value: "true", label: "紧急" }]} onChange={(urgent?: "true") => set({ urgent })} />
            <Select allowClear placeholder="分类" style={{ width: 130 }} options={letterCategories.map((category) => ({ value: category, label: letterCategoryLabels[category] }))} onChange={(category?: ListLettersQuery["category"]) => set({ category })} />
            <Input.Search allowClear placeholder="化名或标题" style={{ width: 180 }} onSearch={(q) => set({ q: q.trim() || undefined })} />
          </Space>
          {letters.error ? (
            <LoadFailed error={letters.error} onRetry={letters.reload} />
          ) : (
            <List
              loading={letters.loading}
              dataSource={letters.data?.items ?? []}
              locale={{ emptyText: <Empty description="没有符合条件的来信" /> }}
              renderItem={(letter) => (
                <List.Item className="letter-row" style={{ cursor: "pointer", background: letter.id === selected ? "#f0f7f4" : undefined, paddingInline: 8 }} onClick={() => setSelected(letter.id)}>
                  <div style={{ width: "100%" }}>
                    <Space>
                      {letter.urgent ? <Badge status="error" text="紧急" /> : null}
                      <Typography.Text strong>{letter.subject}</Typography.Text>
                    </Space>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {letter.alias} · {letter.mailboxName} · {formatCountyTime(letter.createdAt, "M月D日")}
                      </Typography.Text>
                      <Tag style={{ marginLeft: 8 }}>{letterStatusLabels[letter.status]}</Tag>
                      <DeadlineTag letter={letter} />
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>{selected ? <LetterDetail key={selected} letterId={selected} onChanged={letters.reload} /> : <Card><Empty description="选择左侧的一封来信" /></Card>}</Col>
    </Row>
  );
}

function DeadlineTag({ letter }: { letter: Parameters<typeof replyDeadlineTag>[0] }) {
  const tag = replyDeadlineTag(letter);
  return tag ? <Tag color={tag.color}>{tag.text}</Tag> : null;
}
