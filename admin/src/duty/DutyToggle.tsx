import { useState } from "react";
import { Badge, Button, Checkbox, Flex, InputNumber, Popover, Switch, Typography } from "antd";
import { dutyChannelLabels, type DutyChannel } from "@xinyuan/shared";
import { useDuty } from "./useDuty";
import { loadDuty, setDuty } from "./dutyStore";
import { useRealtimeStatus } from "../realtime/useRealtime";
import { useSession } from "../session/useSession";
import { access } from "../access";
import { dutyChannelsFor } from "./dutyChannelsFor";
import { useSubmit } from "../hooks/useSubmit";

/** 上岗 / 下岗 in the header: channels (热线 / 在线咨询), chat capacity, and whether this tab is connected. */
export function DutyToggle() {
  const { view, failed } = useDuty();
  const connection = useRealtimeStatus();
  const [open, setOpen] = useState(false);

  const allowed = dutyChannelsFor(access(useSession()?.staff));
  const channelOptions = allowed.map((channel) => ({ value: channel, label: dutyChannelLabels[channel] }));
  const onDuty = view?.onDuty ?? false;
  // Off duty the server keeps no channels; going on duty offers every allowed one unless narrowed.
  const channels: DutyChannel[] = view?.channels.length ? view.channels : allowed;
  const capacity = view?.chatCapacity ?? 3;
  const live = connection === "connected";

  // A refusal is shown by the request wrapper.
  const { busy: saving, run: save } = useSubmit(async (changes: { onDuty?: boolean; channels?: DutyChannel[]; chatCapacity?: number }) => {
    await setDuty({ onDuty, channels, chatCapacity: capacity, ...changes });
  });

  const statusText = !onDuty ? "未上岗" : live ? `值班中 · ${channels.map((channel) => dutyChannelLabels[channel]).join("、")}` : "值班中 · 连接断开";
  const statusColor = !onDuty ? "default" : live ? "success" : "warning";

  const panel = (
    <Flex vertical gap={12} style={{ width: 260 }} data-testid="duty-panel">
      {failed ? (
        <Typography.Text type="warning">
          没能读取值班状态。<Typography.Link onClick={() => void loadDuty()}>重试</Typography.Link>
        </Typography.Text>
      ) : null}
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{onDuty ? "值班中" : "未上岗"}</Typography.Text>
        <Switch checked={onDuty} loading={saving} checkedChildren="上岗" unCheckedChildren="下岗" aria-label="上岗" onChange={(checked) => void save({ onDuty: checked })} />
      </Flex>
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">接待渠道</Typography.Text>
        <Checkbox.Group options={channelOptions} value={channels} disabled={saving} onChange={(next) => next.length > 0 && void save({ channels: next as DutyChannel[] })} />
      </Flex>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">同时接待在线咨询</Typography.Text>
        <InputNumber min={1} max={8} value={capacity} disabled={saving} addonAfter="个" style={{ width: 110 }} onChange={(next) => typeof next === "number" && void save({ chatCapacity: next })} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {live ? "保持本页面打开即为在岗；关闭页面或断网后不会再分配新的来电和咨询。" : "实时连接已断开，正在重新连接；连接恢复前不会分配新的来电和咨询。"}
      </Typography.Text>
    </Flex>
  );

  return (
    <Popover content={panel} title="值班" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button data-testid="duty-toggle">
        <Badge status={statusColor} text={statusText} />
      </Button>
    </Popover>
  );
}
