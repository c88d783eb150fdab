import { useState } from "react";
import { App, Button, Card, DatePicker, Empty, Form, Input, Popconfirm, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { LetterTermView } from "@xinyuan/shared";
import { useAsync } from "../../hooks/useAsync";
import { useSubmit } from "../../hooks/useSubmit";
import { LoadFailed } from "../../components/LoadFailed";
import { FormModal, useFormSubmit } from "../../components/FormModal";
import { createTerm, deleteTerm, fetchTerms, updateTerm } from "./service";

interface TermValues {
  name: string;
  range: [Dayjs, Dayjs];
}

const day = (value: Dayjs) => value.format("YYYY-MM-DD");
const shown = (date: string) => dayjs(date).format("YYYY年M月D日");
const daysOf = (term: LetterTermView) => dayjs(term.endsOn).diff(dayjs(term.startsOn), "day") + 1;

/**
 * 寒暑假: county dates on which letters are not answered. Due dates skip them like holidays; letters
 * already written keep the date their writer was told. Each mailbox's 寒暑假提示 is shown during them.
 */
export function LetterTermsCard() {
  const { message } = App.useApp();
  const terms = useAsync(fetchTerms, []);
  const [editing, setEditing] = useState<LetterTermView | "new" | null>(null);
  const removing = useSubmit(async (term: LetterTermView) => {
    await deleteTerm(term.id);
    void message.success(`已删除“${term.name}”`);
    terms.reload();
  });

  return (
    <Card
      title="寒暑假"
      style={{ marginTop: 16 }}
      data-testid="letter-terms"
      extra={
        <Button type="primary" onClick={() => setEditing("new")}>
          新增假期
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">假期里不计工作日：回信期限会顺延到假期之后，已经寄来的信保持原来告诉写信人的期限。假期中写信的同学会先看到各信箱的“寒暑假提示”。</Typography.Paragraph>
      {terms.error ? (
        <LoadFailed error={terms.error} onRetry={terms.reload} />
      ) : (
        <Table<LetterTermView>
          rowKey="id"
          size="small"
          loading={terms.loading}
          dataSource={terms.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有设置寒暑假。回信期限现在只跳过周末和节假日。" /> }}
          columns={[
            { title: "名称", dataIndex: "name" },
            { title: "日期", render: (_: unknown, term) => `${shown(term.startsOn)} 至 ${shown(term.endsOn)}（${daysOf(term)} 天）` },
            {
              title: "",
              width: 160,
              render: (_: unknown, term) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(term)}>
                    修改
                  </Button>
                  <Popconfirm title={`删除“${term.name}”？之后写来的信会照常计算工作日。`} okText="删除" cancelText="取消" onConfirm={() => void removing.run(term)}>
                    <Button size="small" danger loading={removing.running?.[0].id === term.id}>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing ? <TermModal term={editing === "new" ? null : editing} onSaved={terms.reload} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

function TermModal({ term, onSaved, onClose }: { term: LetterTermView | null; onSaved: () => void; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TermValues>();
  const { saving, error, save } = useFormSubmit(form, async (values) => {
    const body = { name: values.name.trim(), startsOn: day(values.range[0]), endsOn: day(values.range[1]) };
    if (term) await updateTerm(term.id, body);
    else await createTerm(body);
    void message.success(`已保存“${body.name}”`);
    onSaved();
    onClose();
  });
  return (
    <FormModal title={term ? `修改假期：${term.name}` : "新增假期"} saving={saving} error={error} onOk={() => void save()} onCancel={onClose}>
      <Form form={form} layout="vertical" disabled={saving} initialValues={term ? { name: term.name, range: [dayjs(term.startsOn), dayjs(term.endsOn)] } : undefined}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: "请填写假期名称，例如“2027 年寒假”" }]}>
          <Input maxLength={40} placeholder="例如：2027 年寒假" />
        </Form.Item>
        <Form.Item name="range" label="起止日期（含首尾两天）" rules={[{ required: true, message: "请选择开始和结束日期" }]}>
          <DatePicker.RangePicker format="YYYY-MM-DD" placeholder={["开始日期", "结束日期"]} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
