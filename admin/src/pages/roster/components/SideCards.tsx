import { useState } from "react";
import { Button, Card, DatePicker, Empty, Input, List, Popconfirm, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { CoverageView, HolidayView, LeaveView } from "@xinyuan/shared";
import { describeGap, upcomingGaps } from "../rosterWeek";
import { formatCountyTime } from "../../../countyTime";

/** Gaps from now over the coming seven days that nobody covers, whichever week the grid shows. */
export function CoverageCard({ coverage }: { coverage: CoverageView }) {
  const gaps = upcomingGaps(coverage.gaps, dayjs());
  return (
    <Card size="small" title={`未来 7 天的值班空档（服务时间 ${coverage.serviceHours.start}–${coverage.serviceHours.end}）`} data-testid="upcoming-gaps">
      {gaps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未来 7 天的服务时间都有人值班。" />
      ) : (
        <List size="small" dataSource={gaps} renderItem={(gap) => <List.Item style={{ color: "#cf1322" }}>{describeGap(gap)} 无人值班</List.Item>} />
      )}
    </Card>
  );
}

interface HolidayCardProps {
  holidays: HolidayView[];
  canManage: boolean;
  onAdd: (date: string, name: string) => Promise<void>;
  onDelete: (date: string) => void;
}

export function HolidayCard({ holidays, canManage, onAdd, onDelete }: HolidayCardProps) {
  const [date, setDate] = useState<Dayjs | null>(null);
  const [name, setName] = useState("");
  return (
    <Card size="small" title="节假日">
      <List
        size="small"
        dataSource={holidays}
        locale={{ emptyText: "这一周没有节假日" }}
        renderItem={(holiday) => (
          <List.Item actions={canManage ? [<Popconfirm key="delete" title="删除这个节假日？" okText="删除" cancelText="取消" onConfirm={() => onDelete(holiday.date)}><Button size="small" type="link">删除</Button></Popconfirm>] : []}>
            {dayjs(holiday.date).format("M月D日")} {holiday.name}
          </List.Item>
        )}
      />
      {canManage ? (
        <Space.Compact style={{ width: "100%", marginTop: 8 }}>
          <DatePicker value={date} onChange={setDate} placeholder="日期" />
          <Input value={name} onChange={(event) => setName(event.target.value)} placeholder="名称，如 劳动节" maxLength={40} />
          <Button disabled={!date || !name.trim()} onClick={() => date && void onAdd(date.format("YYYY-MM-DD"), name.trim()).then(() => { setDate(null); setName(""); }, () => undefined)}>
            添加
          </Button>
        </Space.Compact>
      ) : null}
    </Card>
  );
}

export function LeaveCard({ leave, canManage, onAdd, onDelete }: { leave: LeaveView[]; canManage: boolean; onAdd: () => void; onDelete: (id: string) => void }) {
  return (
    <Card size="small" title="请假" extra={canManage ? <Button size="small" onClick={onAdd}>登记请假</Button> : null}>
      <List
        size="small"
        dataSource={leave}
        locale={{ emptyText: "这一周没有人请假" }}
        renderItem={(away) => (
          <List.Item actions={canManage ? [<Popconfirm key="delete" title="撤销这次请假？" okText="撤销" cancelText="取消" onConfirm={() => onDelete(away.id)}><Button size="small" type="link">撤销</Button></Popconfirm>] : []}>
            {away.staffName}：{formatCountyTime(away.startsAt, "M月D日 HH:mm")}–{formatCountyTime(away.endsAt, "M月D日 HH:mm")}
            {away.reason ? `（${away.reason}）` : ""}
          </List.Item>
        )}
      />
    </Card>
  );
}
