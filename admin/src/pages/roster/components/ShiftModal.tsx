import { useEffect } from "react";
import { DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import type { RosterStaffView } from "@xinyuan/shared";
import { useFormSubmit } from "../../../components/FormModal";
import { countyInstantOfPicked } from "../../../countyTime";

export interface TimeRangeDraft {
  staffId?: string;
  day?: Dayjs;
}

interface RangeModalProps {
  open: boolean;
  title: string;
  okText: string;
  staff: RosterStaffView[];
  draft: TimeRangeDraft;
  noteLabel: string;
  onSubmit: (values: { staffId: string; startsAt: string; endsAt: string; note?: string }) => Promise<void>;
  onClose: () => void;
}

/** One counsellor and a time range: a shift (默认 08:00–14:00 on the chosen day) or a leave, in county time whatever the browser's zone. */
export function TimeRangeModal({ open, title, okText, staff, draft, noteLabel, onSubmit, onClose }: RangeModalProps) {
  const [form] = Form.useForm<{ staffId: string; range: [Dayjs, Dayjs]; note?: string }>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const day = draft.day;
    form.setFieldsValue({ staffId: draft.staffId, range: day ? [day.hour(8), day.hour(14)] : undefined });
  }, [open]);

  // Field errors stay on their fields; a refusal is shown by the request wrapper and the form stays filled in.
  const { saving, save: submit } = useFormSubmit(form, async (values) => {
    await onSubmit({ staffId: values.staffId, startsAt: countyInstantOfPicked(values.range[0].second(0)), endsAt: countyInstantOfPicked(values.range[1].second(0)), note: values.note?.trim() || undefined });
    onClose();
  });

  return (
    <Modal open={open} title={title} okText={okText} cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="staffId" label="咨询师" rules={[{ required: true, message: "请选择咨询师" }]}>
          <Select options={staff.map((member) => ({ value: member.id, label: member.name }))} placeholder="选择咨询师" />
        </Form.Item>
        <Form.Item name="range" label="时间" rules={[{ required: true, message: "请选择起止时间" }]}>
          <DatePicker.RangePicker showTime={{ format: "HH:mm", minuteStep: 15 }} format="M月D日 HH:mm" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="note" label={noteLabel}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
