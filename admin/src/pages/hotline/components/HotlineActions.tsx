import { useRef, useState } from "react";
import { App, Button, InputNumber, Space, Tooltip } from "antd";
import type { HotlineCallView } from "@xinyuan/shared";
import { ContactRecordModal } from "../../../components/contactRecord/ContactRecordModal";
import { claimByNumber, claimNext, logInboundCall } from "../service";
import { claimByNumberQuestion } from "../queueFormat";
import { useSubmit } from "../../../hooks/useSubmit";

interface HotlineActionsProps {
  hasCall: boolean;
  canTake: boolean;
  waiting: number;
  notReadyReason: string | null;
  onClaimed: (call: HotlineCallView) => void;
}

/**
 * 接听下一位 (claimed atomically by the server), claim by a quoted ticket number (after reading the number
 * back to confirm it), log an inbound call.
 */
export function HotlineActions({ hasCall, canTake, waiting, notReadyReason, onClaimed }: HotlineActionsProps) {
  const { message, modal } = App.useApp();
  const [number, setNumber] = useState<number | null>(null);
  const [inboundOpen, setInboundOpen] = useState(false);
  const asking = useRef(false);

  // A refusal (queue empty, not on duty, already on a call…) is shown by the request wrapper.
  const { busy, run: claim } = useSubmit(async (work: () => Promise<HotlineCallView>) => {
    onClaimed(await work());
    setNumber(null);
  });
  const confirmClaimByNumber = (picked: number) => {
    if (asking.current) return; // a double click opens one confirmation, not two
    asking.current = true;
    modal.confirm({
      ...claimByNumberQuestion(picked),
      okText: "接起",
      cancelText: "取消",
      onOk: () => claim(() => claimByNumber(picked)),
      afterClose: () => {
        asking.current = false;
      },
    });
  };
  const blocked = hasCall ? "请先处理完手上的来电" : notReadyReason;

  return (
    <Space wrap>
      <Tooltip title={blocked}>
        <Button type="primary" size="large" loading={busy} disabled={!canTake || Boolean(blocked) || waiting === 0} onClick={() => void claim(claimNext)}>
          接听下一位
        </Button>
      </Tooltip>
      <Space.Compact>
        <InputNumber min={1} placeholder="来电者报的排队号" value={number} onChange={setNumber} style={{ width: 170 }} aria-label="排队号" />
        <Button disabled={!number || Boolean(blocked)} loading={busy} onClick={() => number && confirmClaimByNumber(number)}>
          按号接起
        </Button>
      </Space.Compact>
      <Button onClick={() => setInboundOpen(true)}>登记无排队号来电</Button>
      <ContactRecordModal
        channel="hotline"
        open={inboundOpen}
        title="登记来电（没有排队号）"
        okText="保存记录"
        initialValues={{}}
        onSubmit={async (body) => {
          await logInboundCall(body);
          void message.success("来电记录已保存");
        }}
        onClose={() => setInboundOpen(false)}
      />
    </Space>
  );
}
