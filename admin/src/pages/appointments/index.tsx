import { useCallback, useEffect, useState } from "react";
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { AppointmentStatusView, DayListEntry } from "@xinyuan/shared";
import { PageContainer } from "../../components/PageContainer";
import { ContactRecordModal } from "../../components/contactRecord/ContactRecordModal";
import { fetchAppointmentStatus, fetchDayList, markAttendance, recordSession } from "./service";
import { countyToday, formatCountyTime } from "../../countyTime";

const statusLabels: Record<string, { text: string; color: string }> = {
  confirmed: { text: "已预约", color: "blue" },
  paid: { text: "已支付", color: "geekblue" },
  attended: { text: "已到访", color: "green" },
  no_show: { text: "未到", color: "orange" },
};

const timeOf = (iso: string) => formatCountyTime(iso, "HH:mm");

/**
 * 预约日程: the sessions the signed-in staff member works on one day (their rooms, their expert profile);
 * mark each attended or no-show once it started, then write the session record into the contact records.
 */
export default function AppointmentDayPage() {
  const { message } = App.useApp();
  const [recording, setRecording] = useState<DayListEntry | null>(null);
  const [status, setStatus] = useState<AppointmentStatusView | null>(null);
  useEffect(() => {
    fetchAppointmentStatus().then(setStatus, () => setStatus(null));
  }, []);
  const [day, setDay] = useState<Dayjs>(() => dayjs(countyToday()));
  const [rows, setRows] = useState<DayListEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [marking, setMarking] = useState<string | null>(null);

  const load = useCallback(async (selected: Dayjs) => {
    setRows(null);
    setFailed(false);
    try {
      setRows(await fetchDayList(selected.format("YYYY-MM-DD")));
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load(day);
  }, [day, load]);

  const mark = async (entry: DayListEntry, outcome: "attended" | "no_show") => {
    setMarking(entry.bookingId);
    try {
      const updated = await markAttendance(entry.bookingId, outcome);
      setRows((current) => current?.map((row) => (row.bookingId === updated.bookingId ? updated : row)) ?? null);
    } finally {
      setMarking(null);
    }
  };

  return (
    <PageContainer title="预约日程" description="当天预约到你这里的咨询。开始之后可以标记到访或未到，到访后写面询记录；留言只给接待老师看。">
      <Card>
        <Flex vertical gap={16}>
          {status && !status.paymentsEnabled ? <Alert type="info" showIcon message="付费预约目前关闭，只有免费时段可约" description={status.paymentsOffReason} /> : null}
          <DatePicker value={day} allowClear={false} onChange={(value) => value && setDay(value)} aria-label="选择日期" />
          {failed ? (
            <Alert type="error" showIcon message="日程没有加载出来" action={<Button onClick={() => void load(day)}>重试</Button>} />
          ) : (
            <Table<DayListEntry>
              rowKey="bookingId"
              loading={rows === null}
              dataSource={rows ?? []}
              pagination={false}
              locale={{ emptyText: <Empty description="这一天没有预约" /> }}
              columns={[
                { title: "时间", key: "time", render: (_, entry) => `${timeOf(entry.startsAt)}–${timeOf(entry.endsAt)}` },
                { title: "预约人", key: "alias", render: (_, entry) => <Space>{entry.alias ?? "（已注销）"}{entry.forChild ? <Tag>家长代孩子预约</Tag> : null}{entry.riskFlag ? <Tag color="red">留言需关注</Tag> : null}</Space> },
                { title: "留言", dataIndex: "note", render: (note: string | null) => note ?? <Typography.Text type="secondary">无</Typography.Text> },
                { title: "状态", dataIndex: "status", render: (status: string) => <Tag color={statusLabels[status]?.color}>{statusLabels[status]?.text ?? status}</Tag> },
                {
                  title: "操作",
                  key: "actions",
                  render: (_, entry) => {
                    const started = dayjs(entry.startsAt).isBefore(dayjs());
                    return (
                      <Space>
                        <Button size="small" disabled={!started || entry.status === "attended"} loading={marking === entry.bookingId} onClick={() => void mark(entry, "attended")}>到访</Button>
                        <Button size="small" disabled={!started || entry.status === "no_show"} loading={marking === entry.bookingId} onClick={() => void mark(entry, "no_show")}>未到</Button>
                        {entry.status === "attended" ? (
                          entry.recorded ? <Tag color="green">已写记录</Tag> : <Button size="small" type="primary" onClick={() => setRecording(entry)}>写记录</Button>
                        ) : null}
                      </Space>
                    );
                  },
                },
              ]}
            />
          )}
        </Flex>
      </Card>
      <ContactRecordModal
        channel={recording?.mode === "online" ? "online" : "in_person"}
        open={recording !== null}
        title={`面询记录：${recording?.alias ?? ""}`}
        okText="保存记录"
        initialValues={{ durationMinutes: recording ? Math.round((Date.parse(recording.endsAt) - Date.parse(recording.startsAt)) / 60_000) : undefined }}
        onSubmit={async (body) => {
          if (!recording) return;
          await recordSession(recording.bookingId, body);
          void message.success("面询记录已保存");
          setRows((current) => current?.map((row) => (row.bookingId === recording.bookingId ? { ...row, recorded: true } : row)) ?? null);
        }}
        onClose={() => setRecording(null)}
      />
    </PageContainer>
  );
}
