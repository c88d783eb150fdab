import { Alert, Button, Flex, Modal, Typography } from "antd";

interface TemporaryPasswordModalProps {
  /** Who the password is for; null closes the modal. */
  shown: { displayName: string; password: string } | null;
  onClose: () => void;
}

/**
 * Shows a one-time temporary password exactly once. It is never stored: closing the modal forgets it,
 * and the server cannot show it again.
 */
export function TemporaryPasswordModal({ shown, onClose }: TemporaryPasswordModalProps) {
  return (
    <Modal
      open={shown !== null}
      title="临时密码（只显示这一次）"
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下并安全转交，关闭
        </Button>
      }
    >
      {shown ? (
        <Flex vertical gap={16}>
          <Typography.Paragraph style={{ margin: 0 }}>
            请把下面的临时密码当面或通过安全渠道告诉 <Typography.Text strong>{shown.displayName}</Typography.Text>。对方首次登录后需要立即设置新密码。
          </Typography.Paragraph>
          <Typography.Text
            code
            copyable={{ text: shown.password, tooltips: ["复制临时密码", "已复制"] }}
            style={{ fontSize: 22, letterSpacing: 2, textAlign: "center", padding: "8px 0" }}
            data-testid="temporary-password"
          >
            {shown.password}
          </Typography.Text>
          <Alert type="warning" showIcon message="关闭后无法再次查看。如果遗失，只能再次重置密码。请不要通过群聊发送。" />
        </Flex>
      ) : null}
    </Modal>
  );
}
