import { useState } from "react";
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import type { RosterStaffView } from "@xinyuan/shared";
import type { RosterWeek } from "../service";
import { gapMinutesByDay, shiftDeleteQuestion, shiftLabel, shiftsOn } from "../rosterWeek";

const weekdayNames = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

interface WeekGridProps {
  days: Dayjs[];
  week: RosterWeek;
  canManage: boolean;
  onAdd: (staffId: string, day: Dayjs) => void;
  onDelete: (shiftId: string) => void;
}

/**
 * Counsellors down, days across; holidays and days with coverage gaps are marked in the header. The ×
 * on a shift asks first (like holidays and leave): a shift deleted by a slip leaves the line uncovered.
 */
export function WeekGrid({ days, week, canManage, onAdd, onDelete }: WeekGridProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const gaps = gapMinutesByDay(week.coverage);
  const holidayOn = (day: Dayjs) => week.holidays.find((holiday) => holiday.date === day.format("YYYY-MM-DD"));
  const rows = week.staff.length > 0 ? week.staff : [...new Map(week.shifts.map((shift) => [shift.staffId, { id: shift.staffId, name: shift.staffName }])).values()];

  return (
    <Table<RosterStaffView>
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 980 }}
      dataSource={rows}
      data-testid="roster-grid"
      locale={{ emptyText: "还没有可以排班的县级咨询师。" }}
      columns={[
        { title: "咨询师", dataIndex: "name", fixed: "left", width: 112 },
        ...days.map((day, index) => {
          const key = day.format("YYYY-MM-DD");
          const holiday = holidayOn(day);
          const gap = gaps.get(key);
          return {
            key,
            width: 124,
            title: (
              <Space direction="vertical" size={0}>
                <span>
                  {weekdayNames[index]} {day.format("M/D")}
                </span>
                {holiday ? <Tag color="purple">{holiday.name}</Tag> : null}
                {gap ? (
                  <Tooltip title="这一天有时段无人值班">
                    <Tag color="red">缺 {Math.round(gap / 6) / 10} 小时</Tag>
                  </Tooltip>
                ) : null}
              </Space>
            ),
            onHeaderCell: () => ({ style: gap ? { background: "#fff1f0" } : undefined }),
            render: (_value: unknown, member: RosterStaffView) => (
              <Space direction="vertical" size={4}>
                {shiftsOn(week.shifts, member.id, day).map((shift) => (
                  <Popconfirm
                    key={shift.id}
                    open={confirming === shift.id}
                    title={shiftDeleteQuestion(member.name, shift)}
                    okText="删除"
                    cancelText="取消"
                    onOpenChange={(open) => {
                      if (!open) setConfirming(null);
                    }}
                    onConfirm={() => {
                      setConfirming(null);
                      onDelete(shift.id);
                    }}
                  >
                    <Tag
                      color={shift.onLeave ? "default" : "green"}
                      closable={canManage}
                      onClose={(event) => {
                        event.preventDefault();
                        setConfirming(shift.id);
                      }}
                    >
                      {shiftLabel(shift)}
                      {shift.onLeave ? "（请假）" : ""}
                    </Tag>
                  </Popconfirm>
                ))}
                {canManage ? (
                  <Button size="small" type="dashed" icon={<PlusOutlined />} aria-label={`为${member.name}在${day.format("M月D日")}排班`} onClick={() => onAdd(member.id, day)} />
                ) : null}
              </Space>
            ),
          };
        }),
      ]}
    />
  );
}

export function DeleteHint() {
  return <Typography.Text type="secondary">点班次上的 × 可删除；请假期间的班次显示为灰色，不会分配来电。</Typography.Text>;
}

