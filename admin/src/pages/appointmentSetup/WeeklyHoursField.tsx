import { Button, Form, Select, Space, TimePicker, Typography } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import type { WeeklyOpening } from "@xinyuan/shared";

export const weekdayLabels = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/** Form values keep times as Dayjs for the pickers; the API wants "HH:mm". */
export interface OpeningValue {
  weekday: number;
  range: [Dayjs, Dayjs];
}

export const toOpeningValues = (hours: WeeklyOpening[]): OpeningValue[] => hours.map((entry) => ({ weekday: entry.weekday, range: [dayjs(entry.start, "HH:mm"), dayjs(entry.end, "HH:mm")] }));
export const toWeeklyHours = (values: OpeningValue[] | undefined): WeeklyOpening[] =>
  (values ?? []).filter((entry) => entry?.range).map((entry) => ({ weekday: entry.weekday, start: entry.range[0].format("HH:mm"), end: entry.range[1].format("HH:mm") }));

export const describeHours = (hours: WeeklyOpening[]) =>
  hours.length === 0 ? "未设置" : hours.map((entry) => `${weekdayLabels[entry.weekday - 1]} ${entry.start}–${entry.end}`).join("，");

/** Weekly opening hours (county time): a row per opening, the slots are cut from them automatically. */
export function WeeklyHoursField({ name = "weeklyHours" }: { name?: string }) {
  return (
    <Form.Item label="每周开放时间" extra="按北京时间填写。保存后自动生成未来 14 天的可预约时段；不再开放的空时段会撤下，已有预约的保留。">
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: "100%" }}>
            {fields.length === 0 ? <Typography.Text type="secondary">还没有开放时间，学生和家长暂时约不到。</Typography.Text> : null}
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, "weekday"]} rules={[{ required: true, message: "请选择星期" }]} noStyle>
                  <Select aria-label="星期" style={{ width: 96 }} options={weekdayLabels.map((label, index) => ({ value: index + 1, label }))} />
                </Form.Item>
                <Form.Item name={[field.name, "range"]} rules={[{ required: true, message: "请选择时间段" }]} noStyle>
                  <TimePicker.RangePicker format="HH:mm" minuteStep={5} aria-label="时间段" placeholder={["开始", "结束"]} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除这一段" onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weekday: 1 })}>
              添加一段开放时间
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
