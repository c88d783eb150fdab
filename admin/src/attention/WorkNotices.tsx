import { useEffect, useRef, useState } from "react";
import { App, Badge, Button, Tooltip } from "antd";
import { CustomerServiceOutlined } from "@ant-design/icons";
import { useLocation, useNavigate } from "react-router-dom";
import { emitWithAck } from "../realtime/realtimeClient";
import { useServerEvent, useWhenConnected } from "../realtime/useRealtime";
import { useDuty } from "../duty/useDuty";
import { playChime, showDesktopNotification, startTitleFlash, stopTitleFlash } from "./attentionSignals";

interface WorkNotice {
  key: string;
  text: string;
  path: string;
}

/**
 * New chats and new callers reach an on-duty counsellor on any page: a chime, a desktop notification, a
 * badge in the header and a flashing title, until they open the chat or the queue. Uses the events the
 * work pages already get: "chat:assigned" (a chat given to me), "chat:queue" and "hotline:queue-changed"
 * (someone new waiting). The layout keeps the hotline queue room joined for the whole session.
 */
export function WorkNotices() {
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const duty = useDuty().view;
  const [notices, setNotices] = useState<WorkNotice[]>([]);
  const lastWaiting = useRef<{ chat: number | null; hotline: number | null }>({ chat: null, hotline: null });
  const onDuty = Boolean(duty?.onDuty);
  const channels = duty?.channels ?? [];

  useWhenConnected(() => {
    void emitWithAck("hotline:watch", {})
      .then((data) => {
        lastWaiting.current.hotline = data.waiting;
      })
      .catch(() => undefined);
  });

  const raise = (notice: WorkNotice, title: string) => {
    if (!onDuty) return;
    setNotices((current) => [...current.filter((item) => item.key !== notice.key), notice]);
    playChime();
    showDesktopNotification({ title, body: notice.text, tag: notice.key, onClick: () => navigate(notice.path) });
    notification.info({ key: notice.key, message: title, description: notice.text, duration: 8, btn: <Button size="small" type="primary" onClick={() => { notification.destroy(notice.key); navigate(notice.path); }}>去看看</Button> });
  };

  useServerEvent("chat:assigned", (notice) => {
    if (notice.reason === "closed" || notice.reason === "returned") return;
    raise({ key: `chat-${notice.conversationId}`, text: "有一位同学的在线咨询分配给了你，请尽快打开。", path: `/chats?c=${notice.conversationId}` }, "新的在线咨询");
  });
  useServerEvent("chat:queue", ({ waiting }) => {
    const before = lastWaiting.current.chat;
    lastWaiting.current.chat = waiting;
    if (channels.includes("chat") && before !== null && waiting > before) raise({ key: "chat-queue", text: `在线咨询有 ${waiting} 位同学在排队。`, path: "/chats" }, "有同学在排队");
  });
  useServerEvent("hotline:queue-changed", ({ waiting }) => {
    const before = lastWaiting.current.hotline;
    lastWaiting.current.hotline = waiting;
    if (channels.includes("hotline") && before !== null && waiting > before) raise({ key: "hotline-queue", text: `热线有 ${waiting} 位来电者在等待。`, path: "/hotline" }, "新的热线来电");
  });

  // opening the page a notice points to clears it
  useEffect(() => {
    setNotices((current) => current.filter((notice) => !(location.pathname === notice.path.split("?")[0] && (!notice.path.includes("?") || location.search === notice.path.slice(notice.path.indexOf("?"))))));
  }, [location.pathname, location.search]);
  useEffect(() => {
    if (notices.length > 0) startTitleFlash("work", `【${notices.length} 条新的接待提醒】`);
    else stopTitleFlash("work");
  }, [notices.length]);
  useEffect(() => () => stopTitleFlash("work"), []);
  useEffect(() => {
    if (!onDuty) setNotices([]);
  }, [onDuty]);

  if (!onDuty) return null;
  const latest = notices.at(-1);
  return (
    <Tooltip title={latest ? latest.text : "新的咨询和来电会在这里提醒你"}>
      <Badge count={notices.length} data-testid="work-badge" offset={[-4, 4]}>
        <Button type="text" icon={<CustomerServiceOutlined />} onClick={() => latest && navigate(latest.path)} aria-label="接待提醒" />
      </Badge>
    </Tooltip>
  );
}
