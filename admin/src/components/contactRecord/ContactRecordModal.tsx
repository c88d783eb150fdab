import { useEffect } from "react";
import { Form, Modal } from "antd";
import type { ContactRecordBody } from "@xinyuan/shared";
import { ContactRecordFields } from "./ContactRecordFields";
import { toContactRecordBody, type ContactRecordValues } from "./contactRecordForm";
import { useFormSubmit } from "../FormModal";

interface ContactRecordModalProps {
  open: boolean;
  title: string;
  okText: string;
  initialValues: ContactRecordValues;
  onSubmit: (body: ContactRecordBody) => Promise<void>;
  onClose: () => void;
}

/** The outcome record in a dialog: used to finish a hotline call, log an inbound call and end a chat. */
export function ContactRecordModal({ open, title, okText, initialValues, onSubmit, onClose }: ContactRecordModalProps) {
  const [form] = Form.useForm<ContactRecordValues>();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ repeat: "unknown", gender: "not_stated", followUpNeeded: false, actions: ["direct_support"], ...initialValues });
    }
    // Reset only when the dialog opens; later prop changes must not wipe what the counsellor typed.
  }, [open]);

  // Field errors stay on their fields; a refusal is shown by the request wrapper and the form stays filled in.
  const { saving, save: submit } = useFormSubmit(form, async (values) => {
    await onSubmit(toContactRecordBody(values));
    onClose();
  });

  return (
    <Modal open={open} title={title} okText={okText} cancelText="取消" width={720} confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Form form={form} layout="vertical" requiredMark="optional">
        <ContactRecordFields />
      </Form>
    </Modal>
  );
}
