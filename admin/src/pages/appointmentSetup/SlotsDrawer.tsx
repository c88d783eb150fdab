import { useEffect, useState } from "react";
import { Alert, Button, Drawer, Empty, Table, Tag } from "antd";
import type { ManagedSlotView } from "@xinyuan/shared";
import { fetchManagedSlots } from "./service";
import { formatCountyTime } from "../../countyTime";

const bookingLabels: Record<string, { text: string; color: string }> = {
  awaiting_payment: { text: "等待支付", color: "gold" },
  confirmed: { text: "已预约", color: "blue" },
  paid: { text: "已支付", color: "geekblue" },
  attended: { text: "已到访", color: "green" },
  no_show: { text: "未到", color: "orange" },
};

/** The next 14 days of one room's or expert's slots: free, booked (status only, never who) or withdrawn. */
export function SlotsDrawer({ title, owner, onClose }: { title: string; owner: { roomId: string } | { expertId: string }; onClose: () => void }) {
  const [rows, setRows] = useState<ManagedSlotView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () => {
    setRows(null);
    setFailed(false);
    fetchManagedSlots(owner).then(setRows, () => setFailed(true));
  };
  useEffect(load, [JSON.stringify(owner)]);
  return (
    <Drawer open title={title} width={560} onClose={onClose}>
      {failed ? (
        <Alert type="error" showIcon message="时段没有加载出来" action={<Button onClick={load}>重试</Button>} />
      ) : (
        <Table<ManagedSlotView>
          rowKey="id"
          size="small"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="未来 14 天没有时段。设置每周开放时间后会自动生成。" /> }}
          columns={[
            { title: "时间", key: "time", render: (_, slot) => `${formatCountyTime(slot.startsAt, "M月D日 ddd HH:mm")}–${formatCountyTime(slot.endsAt, "HH:mm")}` },
            { title: "方式", dataIndex: "mode", render: (mode: string) => (mode === "online" ? "线上" : "面谈") },
            { title: "价格", dataIndex: "priceFen", render: (fen: number) => (fen > 0 ? `¥${(fen / 100).toFixed(2)}` : "免费") },
            {
              title: "状态",
              key: "state",
              render: (_, slot) => (slot.withdrawn ? <Tag>已撤下</Tag> : slot.bookingStatus ? <Tag color={bookingLabels[slot.bookingStatus]?.color}>{bookingLabels[slot.bookingStatus]?.text ?? slot.bookingStatus}</Tag> : <Tag color="default">可预约</Tag>),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
