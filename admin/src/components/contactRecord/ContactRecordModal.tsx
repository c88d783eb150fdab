import { useEffect, type KeyboardEvent } from "react";
import { App, Form, Modal } from "antd";
import type { ContactChannel, ContactRecordBody } from "@xinyuan/shared";
import { ContactRecordFields } from "./ContactRecordFields";
import { followUpForRisk, toContactRecordBody, type ContactRecordValues } from "./contactRecordForm";
import { useFormSubmit } from "../FormModal";

interface ContactRecordModalProps {
  open: boolean;
  title: string;
  okText: string;
  /** Decides the wording: 来电 for calls, 咨询 for chats, 来信 for letters. */
  channel: ContactChannel;
  initialValues: ContactRecordValues;
  onSubmit: (body: ContactRecordBody) => Promise<void>;
  onClose: () => void;
}

/** True while a select's dropdown is open: Esc then belongs to the dropdown, not to the dialog. */
const dropdownOpen = () => document.querySelector(".ant-select-dropdown:not(.ant-select-dropdown-hidden)") !== null;

/**
 * The outcome record in a dialog: used to finish a hotline call, log an inbound call, end a chat and
 * close a letter. Esc in a dropdown closes only the dropdown; leaving a filled-in form asks first.
 */
export function ContactRecordModal({ open, title, okText, channel, initialValues, onSubmit, onClose }: ContactRecordModalProps) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<ContactRecordValues>();

  useEffect(() => {
    if (open) {
      form.resetFields();
      const values: ContactRecordValues = { repeat: "unknown", gender: "not_stated", followUpNeeded: false, actions: ["direct_support"], ...initialValues };
      form.setFieldsValue({ ...values, followUpNeeded: followUpForRisk(values.riskLevel, false) ?? values.followUpNeeded });
    }
    // Reset only when the dialog opens; later prop changes must not wipe what the counsellor typed.
  }, [open]);

  // Field errors stay on their fields; a refusal is shown by the request wrapper and the form stays filled in.
  const { saving, save: submit } = useFormSubmit(form, async (values) => {
    await onSubmit(toContactRecordBody(values));
    onClose();
  });

  const requestClose = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({ title: "放弃这份记录？", content: "已经填写的内容不会保存。", okText: "放弃", cancelText: "继续填写", onOk: onClose });
  };

  const escape = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !dropdownOpen()) requestClose();
  };

  return (
    <Modal open={open} title={title} okText={okText} cancelText="取消" width={720} confirmLoading={saving} onOk={() => void submit()} onCancel={requestClose} keyboard={false} destroyOnHidden maskClosable={false}>
      <div onKeyDown={escape}>
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          onValuesChange={(changed: ContactRecordValues) => {
            if (!("riskLevel" in changed)) return;
            const followUp = followUpForRisk(changed.riskLevel, form.isFieldTouched("followUpNeeded"));
            if (followUp !== undefined) form.setFieldsValue({ followUpNeeded: followUp });
          }}
        >
          <ContactRecordFields channel={channel} />
        </Form>
      </div>
    </Modal>
  );
}
