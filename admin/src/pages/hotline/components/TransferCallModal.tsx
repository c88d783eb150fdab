import { useState } from "react";
import { Modal, Select, Typography } from "antd";
import { useAsync } from "../../../hooks/useAsync";
import { fetchColleagues } from "../service";

interface TransferModalProps {
  open: boolean;
  selfId: string;
  onTransfer: (toStaffId: string) => Promise<void>;
  onClose: () => void;
}

/** Pick a colleague on the hotline roster; the server checks they are on duty, present and free. */
export function TransferCallModal({ open, selfId, onTransfer, onClose }: TransferModalProps) {
  const colleagues = useAsync(() => (open ? fetchColleagues() : Promise.resolve([])), [open]);
  const [target, setTarget] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!target) return;
    setSaving(true);
    try {
      await onTransfer(target);
      onClose();
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="转给同事" okText="转接" cancelText="取消" okButtonProps={{ disabled: !target }} confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">只能转给正在值班、没有通话的同事。</Typography.Paragraph>
      <Select
        style={{ width: "100%" }}
        placeholder={colleagues.error ? "同事名单没能加载" : "选择一位同事"}
        loading={colleagues.loading}
        value={target}
        onChange={setTarget}
        options={(colleagues.data ?? []).filter((colleague) => colleague.id !== selfId).map((colleague) => ({ value: colleague.id, label: colleague.name }))}
        aria-label="选择同事"
      />
    </Modal>
  );
}
