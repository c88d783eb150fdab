import { Form, Input, Modal, Radio, Select } from "antd";
import type { TransferChatBody } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { fetchTransferTargets, transferTargetOptions } from "../../../duty/transferTargets";
import { useFormSubmit } from "../../../components/FormModal";

interface TransferChatModalProps {
  open: boolean;
  selfId: string;
  onTransfer: (body: TransferChatBody) => Promise<void>;
  onClose: () => void;
}

/** To a colleague on duty with room, or back to the county centre's queue; the note is for staff only. */
export function TransferChatModal({ open, selfId, onTransfer, onClose }: TransferChatModalProps) {
  const [form] = Form.useForm<{ target: "colleague" | "centre"; toStaffId?: string; note: string }>();
  const target = Form.useWatch("target", form);
  const colleagues = useAsync(() => (open ? fetchTransferTargets("chat") : Promise.resolve([])), [open]);
  // Field errors stay on their fields; a refusal is shown by the request wrapper and the form stays filled in.
  const { saving, save: submit } = useFormSubmit(form, async (values) => {
    await onTransfer(values.target === "centre" ? { toCentre: true, note: values.note } : { toStaffId: values.toStaffId, note: values.note });
    onClose();
  });
  return (
    <Modal open={open} title="转接" okText="转接" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ target: "centre" }} preserve={false}>
        <Form.Item name="target" label="转给">
          <Radio.Group options={[{ value: "centre", label: "县中心（排在新咨询之前）" }, { value: "colleague", label: "一位同事" }]} />
        </Form.Item>
        {target === "colleague" ? (
          <Form.Item name="toStaffId" label="同事" rules={[{ required: true, message: "请选择同事" }]} extra={colleagues.error ? "同事名单没能加载，可以先转回县中心。" : "只能转给正在值班、接待未满的同事。"}>
            <Select
              aria-label="选择同事"
              loading={colleagues.loading}
              notFoundContent={colleagues.loading ? "正在加载…" : "现在没有其他同事在线咨询值班，可以转回县中心"}
              options={transferTargetOptions((colleagues.data ?? []).filter((member) => member.id !== selfId), "chat")}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label="交接说明" rules={[{ required: true, message: "请写一句交接说明" }]} extra="只有工作人员能看到；同学只会看到“另一位老师将继续陪伴你”。">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
