import { Button, Card, DatePicker, Form, Input, InputNumber } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { PhotoListField } from "../../../components/upload/UploadField";
import type { UploadedFile } from "../../../components/upload/UploadField";
import { useSubmit } from "../../../hooks/useSubmit";
import { createActivityReport } from "../service";

interface ReportValues {
  title: string;
  heldOn: Dayjs;
  participants: number;
  description?: string;
  photos?: UploadedFile[];
}

/** One activity of the school's month: what, when, how many took part, a few words, photos. */
export function ReportForm({ onReported }: { onReported: () => void }) {
  const [form] = Form.useForm<ReportValues>();
  const submit = useSubmit(async (values: ReportValues) => {
    await createActivityReport({
      title: values.title,
      heldOn: values.heldOn.format("YYYY-MM-DD"),
      participants: values.participants,
      description: values.description ?? "",
      photoUploadIds: (values.photos ?? []).map((photo) => photo.id),
    });
    form.resetFields();
    onReported();
  });
  return (
    <Card title="上报一项本校活动">
      <Form form={form} layout="vertical" style={{ maxWidth: 640 }} initialValues={{ photos: [] }} onFinish={(values) => void submit.run(values)}>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, message: "请填写活动名称" }, { max: 80, message: "活动名称不超过 80 个字" }]}>
          <Input placeholder="例如：心理健康主题班会、心理委员培训、家长课堂" />
        </Form.Item>
        <Form.Item name="heldOn" label="活动日期" rules={[{ required: true, message: "请选择活动日期" }]}>
          <DatePicker placeholder="选择日期" disabledDate={(day) => day.isAfter(dayjs().endOf("day"))} />
        </Form.Item>
        <Form.Item name="participants" label="参与人数" rules={[{ required: true, message: "请填写参与人数" }]}>
          <InputNumber min={0} max={100000} precision={0} placeholder="人数" addonAfter="人" />
        </Form.Item>
        <Form.Item name="description" label="简要说明（选填）">
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="做了什么、效果如何，写几句就好" />
        </Form.Item>
        <Form.Item name="photos" label="活动照片（选填）">
          <PhotoListField />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.busy}>
          上报
        </Button>
      </Form>
    </Card>
  );
}
