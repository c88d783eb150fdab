import { Alert, Card, Col, Flex, Row, Statistic } from "antd";
import { PageContainer } from "../../components/PageContainer";
import { LoadFailed } from "../../components/LoadFailed";
import { LoadingBlock } from "../../components/LoadingBlock";
import { useSession } from "../../session/useSession";
import { useDuty } from "../../duty/useDuty";
import { useRealtimeStatus } from "../../realtime/useRealtime";
import { useHotlineQueue } from "./useHotlineQueue";
import { ClaimedCallPanel } from "./components/ClaimedCallPanel";
import { HotlineActions } from "./components/HotlineActions";
import { QueueTables } from "./components/QueueTables";

/** 热线队列: the live county queue and the call in hand. The live board has its own page (热线看板). */
export default function HotlinePage() {
  return (
    <PageContainer title="热线队列" description="有风险标记的来电者排在最前，其余按先来后到。接听下一位由系统分配，不会与同事重复。">
      <QueueWork />
    </PageContainer>
  );
}

function QueueWork() {
  const session = useSession();
  const { queue, myCall, loading, error, refresh, setMyCall } = useHotlineQueue();
  const duty = useDuty().view;
  const connection = useRealtimeStatus();

  if (loading && !queue) return <LoadingBlock />;
  if (error && !queue) return <LoadFailed error={error} onRetry={refresh} />;
  if (!queue || !session) return null;

  const onHotlineDuty = Boolean(duty?.onDuty && duty.channels.includes("hotline"));
  const notReady = !onHotlineDuty ? "请先在右上角上岗（热线）" : connection !== "connected" ? "实时连接恢复后才能接听" : null;
  return (
    <Flex vertical gap={16}>
      {!onHotlineDuty ? <Alert type="info" showIcon message="你现在没有在热线岗位上。上岗后保持本页面打开，就可以接听来电。" /> : null}
      {connection === "reconnecting" ? <Alert type="warning" showIcon message="网络连接断开了，正在重新连接。恢复后队列会自动刷新。" /> : null}
      <Row gutter={16}>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic title="正在等待" value={queue.waiting.length} suffix="人" valueStyle={{ color: queue.waiting.length > 0 ? "#3a8f7f" : undefined }} />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic title="预约回拨" value={queue.scheduled.length} suffix="人" />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic title="通话中" value={queue.claimed.length} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Flex justify="flex-end" align="center" style={{ height: "100%" }}>
            <HotlineActions hasCall={myCall !== null} canTake waiting={queue.waiting.length} notReadyReason={notReady} onClaimed={(claimed) => {
              setMyCall(claimed);
              refresh();
            }} />
          </Flex>
        </Col>
      </Row>
      {myCall ? <ClaimedCallPanel key={myCall.id} call={myCall} selfId={session.staff.id} onDone={refresh} /> : null}
      <QueueTables queue={queue} />
    </Flex>
  );
}
