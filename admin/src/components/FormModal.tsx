import type { ReactNode } from "react";
import { Alert, Modal, type FormInstance } from "antd";
import type { ApiError } from "../request";
import { useSubmit } from "../hooks/useSubmit";

/**
 * Saving a modal form: validates (a field error stays on its field), runs `submit`, and keeps the
 * server's refusal to show above the form. `saving` drives the OK button and disables the form.
 */
export function useFormSubmit<Values>(form: FormInstance<Values>, submit: (values: Values) => Promise<void>) {
  const submission = useSubmit(submit);
  async function save(): Promise<void> {
    const values = await form.validateFields().catch(() => null);
    if (values) await submission.run(values);
  }
  return { saving: submission.busy, error: submission.error, save };
}

interface FormModalProps {
  title: string;
  okText?: string;
  width?: number;
  saving: boolean;
  /** The server's refusal of the last save, shown above the fields. */
  error: ApiError | null;
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The admin's create / edit dialog: never closed by a stray click outside, the refusal on top. */
export function FormModal({ title, okText = "保存", width, saving, error, onOk, onCancel, children }: FormModalProps) {
  return (
    <Modal open title={title} okText={okText} cancelText="取消" confirmLoading={saving} onOk={onOk} onCancel={onCancel} maskClosable={false} destroyOnHidden width={width}>
      {error ? <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} /> : null}
      {children}
    </Modal>
  );
}
