import { useState } from "react";
import { Modal, Select, Typography } from "antd";
import { useAsync } from "../../../hooks/useAsync";
import { fetchTransferTargets, transferTargetOptions } from "../../../duty/transferTargets";
import { useSubmit } from "../../../hooks/useSubmit";

interface TransferModalProps {
  open: boolean;
  selfId: string;
  onTransfer: (toStaffId: string) => Promise<void>;
  onClose: () => void;
}

/** Pick a colleague on hotline duty right now; the busy ones are shown greyed out. The server checks again. */
export function TransferCallModal({ open, selfId, onTransfer, onClose }: TransferModalProps) {
  const colleagues = useAsync(() => (open ? fetchTransferTargets("hotline") : Promise.resolve([])), [open]);
  const [target, setTarget] = useState<string>();
  // A refusal is shown by the request wrapper.
  const { busy: saving, run: submit } = useSubmit(async () => {
    if (!target) return;
    await onTransfer(target);
    onClose();
  });
  return (
    <Modal open={open} title="转给同事" okText="转接" cancelText="取消" okButtonProps={{ disabled: !target }} confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">只能转给正在值班、没有通话的同事。</Typography.Paragraph>
      <Select
        style={{ width: "100%" }}
        placeholder={colleagues.error ? "同事名单没能加载，请稍后再试" : "选择一位同事"}
        notFoundContent={colleagues.loading ? "正在加载…" : "现在没有其他同事在热线值班"}
        loading={colleagues.loading}
        value={target}
        onChange={setTarget}
        options={transferTargetOptions((colleagues.data ?? []).filter((colleague) => colleague.id !== selfId), "hotline")}
        aria-label="选择同事"
      />
    </Modal>
  );
}
