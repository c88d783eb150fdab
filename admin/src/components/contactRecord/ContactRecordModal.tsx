import { useEffect, useState } from "react";
import { Form, Modal } from "antd";
import type { ContactRecordBody } from "@xinyuan/shared";
import { ContactRecordFields } from "./ContactRecordFields";
import { toContactRecordBody, type ContactRecordValues } from "./contactRecordForm";

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
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ repeat: "unknown", gender: "not_stated", followUpNeeded: false, actions: ["direct_support"], ...initialValues });
    }
    // Reset only when the dialog opens; later prop changes must not wipe what the counsellor typed.
  }, [open]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSubmit(toContactRecordBody(values));
      onClose();
    } catch {
      // shown by the request wrapper; the form stays filled in
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={title} okText={okText} cancelText="取消" width={720} confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Form form={form} layout="vertical" requiredMark="optional">
        <ContactRecordFields />
      </Form>
    </Modal>
  );
}
