import { useEffect } from "react";
import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from "antd";
import { WarningOutlined } from "@ant-design/icons";
import type { HotlineBoardView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { useServerEvent, useWhenConnected } from "../../../realtime/useRealtime";
import { emitWithAck } from "../../../realtime/realtimeClient";
import { LoadFailed } from "../../../components/LoadFailed";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { fetchBoard } from "../service";

type BoardCounsellor = HotlineBoardView["counsellors"][number];
const stateTags: Record<BoardCounsellor["state"], { color: string; label: string }> = {
  available: { color: "green", label: "空闲" },
  on_call: { color: "blue", label: "通话中" },
  disconnected: { color: "orange", label: "连接断开" },
  on_leave: { color: "default", label: "请假" },
};

/** The live board for supervisors and the county centre: queue, counsellors on duty and today's service figures. */
export function SupervisorBoard() {
  const board = useAsync(fetchBoard, []);
  useServerEvent("hotline:queue-changed", board.reload);
  // chats taken, started or ended: the chat figures below
  useServerEvent("chat:queue", board.reload);
  // Joins the queue room on every (re)connect, so queue changes arrive live (the timer is a fallback).
  useWhenConnected(() => {
    void emitWithAck("hotline:watch", {}).catch(() => undefined);
    board.reload();
  });
  useEffect(() => () => void emitWithAck("hotline:unwatch", {}).catch(() => undefined), []);
  useEffect(() => {
    const timer = window.setInterval(board.reload, 30_000);
    return () => window.clearInterval(timer);
  }, [board.reload]);

  if (board.loading && !board.data) return <LoadingBlock />;
  if (board.error && !board.data) return <LoadFailed error={board.error} onRetry={board.reload} />;
  const view = board.data;
  if (!view) return null;
  const level = view.today.serviceLevel;
  return (
    <Row gutter={[16, 16]} data-testid="hotline-board">
      <Col xs={12} md={6}><Card><Statistic title="正在等待" value={view.waiting} suffix="人" /></Card></Col>
      <Col xs={12} md={6}><Card><Statistic title="最长等待" value={view.longestWaitMinutes} suffix="分钟" valueStyle={view.longestWaitMinutes >= 20 ? { color: "#cf1322" } : undefined} /></Card></Col>
      <Col xs={12} md={6}><Card><Statistic title="预约回拨" value={view.scheduled} suffix="人" /></Card></Col>
      <Col xs={12} md={6}>
        {view.open && view.counsellors.length === 0 ? (
          <Card style={{ borderColor: "#cf1322", background: "#fff1f0" }} data-testid="hotline-unstaffed-alarm">
            <Statistic title="热线状态（开放时段）" value="无人值班" valueStyle={{ color: "#cf1322" }} prefix={<WarningOutlined />} />
          </Card>
        ) : (
          <Card><Statistic title="热线状态" value={view.open ? "开放中" : "未开放"} /></Card>
        )}
      </Col>
      <Col xs={12} md={6}><Card><Statistic title="今日已服务" value={view.today.served} /></Card></Col>
      <Col xs={12} md={6}><Card><Statistic title="今日未联系上" value={view.today.missed} /></Card></Col>
      <Col xs={12} md={6}><Card><Statistic title="今日主动放弃" value={view.today.abandoned} /></Card></Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title="5 分钟内接起率" value={level === null ? "—" : Math.round(level * 100)} suffix={level === null ? undefined : `%（${view.today.answeredWithin5Min}/${view.today.offered}）`} />
        </Card>
      </Col>
      <Col span={24}>
        <Card title="在线咨询" size="small" data-testid="board-chat-figures">
          <Row gutter={[16, 16]}>
            <Col xs={8}><Statistic title="排队中" value={view.chats.waiting} suffix="人" /></Col>
            <Col xs={8}><Statistic title="进行中" value={view.chats.active} suffix="个" /></Col>
            <Col xs={8}><Statistic title="最长排队" value={view.chats.longestWaitMinutes} suffix="分钟" valueStyle={view.chats.longestWaitMinutes >= 10 ? { color: "#cf1322" } : undefined} /></Col>
          </Row>
        </Card>
      </Col>
      <Col span={24}>
        {/* the average is the board's, not these counsellors': beside the title, not inside it */}
        <Card title="值班咨询师" extra={<Typography.Text type="secondary">{handleTimeText(view.handleTime)}</Typography.Text>} size="small">
          <Table<BoardCounsellor>
            rowKey="staffId"
            size="small"
            pagination={false}
            dataSource={view.counsellors}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="现在没有咨询师上岗。" /> }}
            columns={[
              { title: "咨询师", dataIndex: "name" },
              { title: "状态", dataIndex: "state", render: (state: BoardCounsellor["state"]) => <Tag color={stateTags[state].color}>{stateTags[state].label}</Tag> },
              { title: "当前来电", dataIndex: "callNumber", render: (number: number | null) => (number === null ? "—" : `${number} 号`) },
              { title: "排班", dataIndex: "onShift", render: (onShift: boolean) => (onShift ? "在班" : "不在班") },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** "每通电话平均用时：8 分钟（近 14 天 3 通）", or that there is nothing to average yet. */
export function handleTimeText(handleTime: { calls: number; minutes: number | null }): string {
  if (handleTime.calls === 0 || handleTime.minutes === null) return "每通电话平均用时：近 14 天还没有完成的通话";
  return `每通电话平均用时：${handleTime.minutes} 分钟（近 14 天 ${handleTime.calls} 通）`;
}
