import { useState } from "react";
import { Alert, Button, Checkbox, Flex, Input, Space, Tag } from "antd";
import { riskSignalCategoryLabels, safeMessagingCheckLabels, safeMessagingChecks, type PublicationStaffView, type RiskSignalCategory, type SafeMessagingCheck } from "@xinyuan/shared";
import { reviewPublication } from "../service";

/**
 * The reviewer's decision. Content the risk lexicon flagged (suicide, self-harm) shows the safe-messaging
 * checklist; approval needs every item ticked. Sending back needs a comment the editor will read.
 */
export function ReviewPanel({ item, onDone }: { item: PublicationStaffView; onDone: (next: PublicationStaffView) => void }) {
  const [comment, setComment] = useState("");
  const [checked, setChecked] = useState<SafeMessagingCheck[]>([]);
  const [busy, setBusy] = useState(false);
  const complete = !item.sensitive || safeMessagingChecks.every((check) => checked.includes(check));
  const decide = async (decision: "approve" | "send_back") => {
    setBusy(true);
    try {
      const checklist = Object.fromEntries(checked.map((check) => [check, true]));
      onDone(await reviewPublication(item.id, { decision, comment, checklist }));
      setComment("");
    } catch {
      // shown by the request wrapper
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      {item.sensitive ? (
        <Alert
          type="warning"
          showIcon
          message="这篇内容涉及自杀或自伤话题，请按安全报道原则逐项核对"
          description={
            <Space direction="vertical">
              <Space wrap>
                {item.riskCategories.map((category) => (
                  <Tag key={category} color="red">
                    {riskSignalCategoryLabels[category as RiskSignalCategory] ?? category}
                  </Tag>
                ))}
              </Space>
              <Checkbox.Group value={checked} onChange={(values) => setChecked(values as SafeMessagingCheck[])} options={safeMessagingChecks.map((check) => ({ value: check, label: safeMessagingCheckLabels[check] }))} />
            </Space>
          }
        />
      ) : null}
      <Input.TextArea aria-label="审核意见" rows={3} value={comment} onChange={(event) => setComment(event.target.value)} placeholder="审核意见（退回时必填，编辑会看到）" />
      <Space>
        <Button type="primary" disabled={!complete} loading={busy} onClick={() => void decide("approve")}>
          审核通过
        </Button>
        <Button danger disabled={!comment.trim()} loading={busy} onClick={() => void decide("send_back")}>
          退回修改
        </Button>
      </Space>
    </Flex>
  );
}
