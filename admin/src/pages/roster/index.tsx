import { useMemo, useState } from "react";
import { App, Button, Col, Row, Space, Typography } from "antd";
import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { access } from "../../access";
import { PageContainer } from "../../components/PageContainer";
import { LoadFailed } from "../../components/LoadFailed";
import { LoadingBlock } from "../../components/LoadingBlock";
import { useAsync } from "../../hooks/useAsync";
import { useSession } from "../../session/useSession";
import { copyWeek, createLeave, createShift, deleteHoliday, deleteLeave, deleteShift, fetchRosterWeek, putHoliday } from "./service";
import { weekDays, weekStartOf } from "./rosterWeek";
import { DeleteHint, WeekGrid } from "./components/WeekGrid";
import { TimeRangeModal, type TimeRangeDraft } from "./components/ShiftModal";
import { CoverageCard, HolidayCard, LeaveCard } from "./components/SideCards";
import { countyInstant, countyToday } from "../../countyTime";

/** 值班表: the hotline's week of shifts per counsellor, holidays, leave and coverage gaps. */
export default function RosterPage() {
  const { message, modal } = App.useApp();
  const session = useSession();
  const canManage = access(session?.staff).canManageRoster;
  const [monday, setMonday] = useState<Dayjs>(() => weekStartOf(dayjs(countyToday())));
  const days = useMemo(() => weekDays(monday), [monday]);
  const nextMonday = monday.add(7, "day");
  const week = useAsync(() => fetchRosterWeek(countyInstant(monday.format("YYYY-MM-DD")).toISOString(), countyInstant(nextMonday.format("YYYY-MM-DD")).toISOString(), monday.format("YYYY-MM-DD"), days[6]!.format("YYYY-MM-DD")), [monday.valueOf()]);
  const [shiftDraft, setShiftDraft] = useState<TimeRangeDraft | null>(null);
  const [leaveOpen, setLeaveOpen] = useState(false);

  const run = async (work: () => Promise<unknown>, done: string) => {
    await work();
    void message.success(done);
    week.reload();
  };
  const quietly = (work: () => Promise<unknown>, done: string) => void run(work, done).catch(() => undefined);

  const copyToNextWeek = () =>
    modal.confirm({
      title: `把 ${monday.format("M月D日")} 这一周的排班复制到下一周？`,
      content: "节假日和已有重叠的班次会跳过。",
      okText: "复制",
      cancelText: "取消",
      onOk: async () => {
        const result = await copyWeek(monday.format("YYYY-MM-DD"), nextMonday.format("YYYY-MM-DD"));
        void message.success(`已复制 ${result.copied} 个班次${result.skipped ? `，跳过 ${result.skipped} 个` : ""}`);
        setMonday(nextMonday);
      },
    });

  return (
    <PageContainer
      title="值班表"
      description="热线按排班开放：有人在班时开放。请假期间的咨询师不会被分配来电。"
      extra={
        <Space wrap>
          <Button icon={<LeftOutlined />} onClick={() => setMonday(monday.subtract(7, "day"))}>上一周</Button>
          <Button onClick={() => setMonday(weekStartOf(dayjs(countyToday())))}>本周</Button>
          <Button icon={<RightOutlined />} onClick={() => setMonday(nextMonday)}>下一周</Button>
          {canManage ? <Button onClick={copyToNextWeek}>复制到下一周</Button> : null}
          {canManage ? <Button type="primary" onClick={() => setShiftDraft({})}>新增班次</Button> : null}
        </Space>
      }
    >
      <Typography.Title level={5} style={{ margin: 0 }}>
        {monday.format("YYYY年M月D日")} – {days[6]!.format("M月D日")}
      </Typography.Title>
      {week.loading && !week.data ? <LoadingBlock /> : null}
      {week.error && !week.data ? <LoadFailed error={week.error} onRetry={week.reload} /> : null}
      {week.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={18}>
            <WeekGrid days={days} week={week.data} canManage={canManage} onAdd={(staffId, day) => setShiftDraft({ staffId, day })} onDelete={(id) => quietly(() => deleteShift(id), "班次已删除")} />
            {canManage ? <DeleteHint /> : null}
          </Col>
          <Col xs={24} xxl={6}>
            {/* Beside the grid only on very wide screens: at 1440 px the week needs the full width, weekend included. */}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={8} xxl={24}>
                <CoverageCard coverage={week.data.upcoming} />
              </Col>
              <Col xs={24} lg={8} xxl={24}>
                <HolidayCard holidays={week.data.holidays} canManage={canManage} onAdd={(date, name) => run(() => putHoliday(date, name), "节假日已保存")} onDelete={(date) => quietly(() => deleteHoliday(date), "节假日已删除")} />
              </Col>
              <Col xs={24} lg={8} xxl={24}>
                <LeaveCard leave={week.data.leave} canManage={canManage} onAdd={() => setLeaveOpen(true)} onDelete={(id) => quietly(() => deleteLeave(id), "请假已撤销")} />
              </Col>
            </Row>
          </Col>
        </Row>
      ) : null}
      <TimeRangeModal
        open={shiftDraft !== null}
        title="新增班次"
        okText="保存班次"
        noteLabel="备注"
        staff={week.data?.staff ?? []}
        draft={shiftDraft ?? {}}
        onSubmit={(values) => run(() => createShift(values), "班次已保存")}
        onClose={() => setShiftDraft(null)}
      />
      <TimeRangeModal
        open={leaveOpen}
        title="登记请假"
        okText="保存请假"
        noteLabel="原因（可不填）"
        staff={week.data?.staff ?? []}
        draft={{ day: monday }}
        onSubmit={({ note, ...values }) => run(() => createLeave({ ...values, reason: note }), "请假已登记")}
        onClose={() => setLeaveOpen(false)}
      />
    </PageContainer>
  );
}
