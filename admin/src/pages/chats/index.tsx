import { useEffect, useRef, useState } from "react";
import { App, Alert, Badge, Card, Col, Empty, Flex, Row, Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { riskLevelRank } from "@xinyuan/shared";
import { access } from "../../access";
import { PageContainer } from "../../components/PageContainer";
import { LoadFailed } from "../../components/LoadFailed";
import { LoadingBlock } from "../../components/LoadingBlock";
import { useSession } from "../../session/useSession";
import { useDuty } from "../../duty/useDuty";
import { useRealtimeStatus, useServerEvent } from "../../realtime/useRealtime";
import { useSingleFlight } from "../../hooks/useSingleFlight";
import { acceptChat, takeOverChat } from "./service";
import { useChatLists } from "./useChatLists";
import { chatToWatch, watchKey } from "./chatSelection";
import { ChatQueueCard, LiveChatsCard } from "./components/QueueCards";
import { ConversationView } from "./components/ConversationView";

/** 在线咨询: my active chats as tabs, the waiting queue, and for supervisors every live chat. */
export default function ChatsPage() {
  const { message } = App.useApp();
  const session = useSession();
  const supervisor = access(session?.staff).canSupervise;
  const lists = useChatLists(supervisor);
  const duty = useDuty().view;
  const connection = useRealtimeStatus();
  const [params, setParams] = useSearchParams();
  const [watching, setWatching] = useState<string[]>([]);
  const claims = useSingleFlight();
  /** Accepted or taken over here: mine already, even before the assigned list has been fetched again. */
  const claimed = useRef(new Set<string>());
  const selected = params.get("c");
  const select = (key: string | null) => setParams(key ? { c: key } : {}, { replace: true });
  const watch = (id: string) => {
    setWatching((list) => (list.includes(id) ? list : [...list, id]));
    select(watchKey(id));
  };

  useServerEvent("chat:assigned", (notice) => {
    void message.info(notice.reason === "transfer" ? "一位同事把咨询转给了你" : "有一位同学的咨询交给了你");
    if (!selected) select(notice.conversationId);
  });
  const assigned = lists.assigned ?? [];
  useEffect(() => {
    if (!selected && assigned[0]) select(assigned[0].id);
  }, [assigned.length]);
  useEffect(() => {
    if (!lists.assigned) return;
    const mine = lists.assigned.map((chat) => chat.id);
    for (const id of claimed.current) if (mine.includes(id)) claimed.current.delete(id);
    const linked = chatToWatch({ selected, mine: [...mine, ...claimed.current], canSupervise: supervisor });
    if (linked) watch(linked);
  }, [selected, lists.assigned, supervisor]);

  if (!session) return null;
  if (lists.error && !lists.assigned) return <LoadFailed error={lists.error} onRetry={lists.refresh} />;
  if (!lists.assigned || !lists.queue) return <LoadingBlock />;

  const onChatDuty = Boolean(duty?.onDuty && duty.channels.includes("chat"));
  /** 接入 and 接手: one request at a time (a double click must not send two); errors are shown by the request wrapper. */
  const claim = (id: string, request: (id: string) => Promise<unknown>, done?: string) =>
    claims
      .run(id, async () => {
        await request(id);
        claimed.current.add(id);
        if (done) void message.success(done);
        setWatching((list) => list.filter((item) => item !== id));
        lists.refresh();
        select(id);
      })
      .catch(() => undefined);
  const accept = (id: string) => void claim(id, acceptChat);
  const takeOver = (id: string) => claim(id, takeOverChat, "已接手这次咨询");
  const left = () => {
    select(null);
    lists.refresh();
  };

  const tabs = [
    ...assigned.map((chat) => ({
      key: chat.id,
      label: <Badge dot={riskLevelRank[chat.riskLevel] >= riskLevelRank.medium} color="red">{chat.recordDue ? `${chat.alias} · 待记录` : chat.alias}</Badge>,
      children: <ConversationView conversationId={chat.id} mode="assigned" selfId={session.staff.id} isSupervisor={supervisor} onLeft={left} />,
    })),
    ...watching.map((id) => ({
      key: watchKey(id),
      label: `旁听 · ${lists.live?.find((chat) => chat.id === id)?.alias ?? "咨询"}`,
      closable: true,
      children: (
        <ConversationView
          conversationId={id}
          mode="watch"
          selfId={session.staff.id}
          isSupervisor={supervisor}
          takingOver={claims.busyKey === id}
          onTakeOver={() => takeOver(id)}
          onLeft={() => setWatching((list) => list.filter((item) => item !== id))}
        />
      ),
    })),
  ];
  const activeKey = tabs.some((tab) => tab.key === selected) ? (selected ?? undefined) : tabs[0]?.key;

  return (
    <PageContainer title="在线咨询" description="同学只以化名出现。消息按顺序送达，网络断开后会自动补齐。">
      {!onChatDuty ? <Alert type="info" showIcon message="你现在没有在在线咨询岗位上。上岗后系统会自动分配咨询，也可以从排队中接入。" /> : null}
      {connection === "reconnecting" ? <Alert type="warning" showIcon message="网络连接断开了，正在重新连接。没发出去的消息会在恢复后自动补发。" /> : null}
      <Row gutter={16}>
        <Col xs={24} md={supervisor ? 12 : 24}>
          <ChatQueueCard queue={lists.queue} canAccept={onChatDuty && connection === "connected"} busyId={claims.busyKey} onAccept={accept} />
        </Col>
        {supervisor && lists.live ? (
          <Col xs={24} md={12}>
            <LiveChatsCard live={lists.live} busyId={claims.busyKey} onTakeOver={takeOver} onWatch={watch} />
          </Col>
        ) : null}
      </Row>
      <Card size="small" title="我正在接待的咨询和待填写的记录">
        {tabs.length === 0 ? (
          <Empty description={onChatDuty ? "暂时没有咨询。有同学来时会自动出现在这里。" : "上岗后，分配给你的咨询会出现在这里。"} />
        ) : (
          <Flex vertical>
            <Tabs
              type="editable-card"
              hideAdd
              activeKey={activeKey}
              onChange={select}
              onEdit={(key) => typeof key === "string" && setWatching((list) => list.filter((id) => watchKey(id) !== key))}
              items={tabs.map((tab) => ({ ...tab, closable: "closable" in tab ? tab.closable : false }))}
            />
          </Flex>
        )}
      </Card>
    </PageContainer>
  );
}
