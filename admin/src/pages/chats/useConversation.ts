import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ChatSessionEngine, type ChatCursorsView, type ChatOutboxHold, type OutboxEntry, type StaffChatMessageView, type StaffConversationView } from "@xinyuan/shared";
import { asApiError } from "../../hooks/useAsync";
import { ApiError } from "../../request";
import { emitWithAck } from "../../realtime/realtimeClient";
import { useServerEvent, useWhenConnected } from "../../realtime/useRealtime";
import { chatOutboxStore, staffOutboxStorage } from "../../chat/chatOutboxStore";
import { staffChatTransport, type ConversationMode } from "./staffChatTransport";
import { mergeCursors } from "./receipts";
import { fetchChat } from "./service";

export type { ConversationMode };

export interface FailedMessage {
  entry: OutboxEntry;
  reason: string;
}

export interface ConversationState {
  conversation: StaffConversationView | null;
  messages: readonly StaffChatMessageView[];
  pending: readonly OutboxEntry[];
  /** Why `pending` waits: "rate" (sent too fast, goes out by itself) or "network"; null while on its way. */
  hold: ChatOutboxHold;
  failed: readonly FailedMessage[];
  cursors: ChatCursorsView | null;
  userTyping: boolean;
  loadError: ApiError | null;
  /** The first resume (or watch) has answered: until then an empty list says nothing. */
  synced: boolean;
  /** The last resume failed or was refused; cleared by the next that succeeds. */
  syncError: ApiError | null;
  send: (body: string) => void;
  setTyping: (typing: boolean) => void;
  dismissFailed: (clientMessageId: string) => void;
  reload: () => void;
  /** Runs the resume again (and then sends what waits in the outbox). */
  resync: () => void;
}

/**
 * One conversation in the admin: the shared ChatSessionEngine (messages once and in seq order, resume
 * on every (re)connect and gap, an outbox sent one message at a time with the one retry rule) over the
 * admin's socket and this staff member's sessionStorage outbox. This hook adds what only the admin
 * has: the conversation view, receipts (read only while the tab is visible), the student's typing, and
 * a supervisor's read-only "watch" mode ("chat:watch", audited by the server).
 */
export function useConversation(conversationId: string, mode: ConversationMode, staffId: string): ConversationState {
  const [conversation, setConversation] = useState<StaffConversationView | null>(null);
  const [cursors, setCursors] = useState<ChatCursorsView | null>(null);
  const [userTyping, setUserTyping] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [, setVersion] = useState(0);
  const seenSent = useRef(0);
  const typingTimer = useRef<number>();

  const reload = useCallback(() => {
    fetchChat(conversationId).then(
      (view) => {
        setConversation(view);
        setCursors((current) => mergeCursors(mergeCursors(current, "user", view.cursors.user), "staff", view.cursors.staff));
        setLoadError(null);
      },
      (error: unknown) => setLoadError(asApiError(error)),
    );
  }, [conversationId]);

  const engine = useMemo(() => {
    const created: ChatSessionEngine<StaffChatMessageView> = new ChatSessionEngine<StaffChatMessageView>({
      conversationId,
      transport: staffChatTransport(mode),
      outbox: staffOutboxStorage(chatOutboxStore, staffId),
      canSend: mode === "assigned",
      onChange: () => setVersion((value) => value + 1),
      onResumed: (result) => setCursors((current) => mergeCursors(mergeCursors(current, "user", result.cursors.user), "staff", result.cursors.staff)),
      onApplied: (messages) => {
        if (messages.some((message) => message.from === "user")) setUserTyping(false);
        if (messages.some((message) => message.from === "system")) reload();
        markSeen(created.snapshot.lastSeq);
      },
    });
    return created;
    // markSeen and reload only read the conversation id and mode, which already key the engine.
  }, [conversationId, mode, staffId]);
  const snapshot = engine.snapshot;

  function markSeen(seq: number): void {
    if (mode !== "assigned" || seq <= seenSent.current) return;
    void emitWithAck("chat:delivered", { conversationId, seq }).catch(() => undefined);
    if (document.visibilityState === "visible") {
      seenSent.current = seq;
      void emitWithAck("chat:read", { conversationId, seq }).catch(() => undefined);
    }
  }

  useEffect(() => {
    engine.start();
    seenSent.current = 0;
    setCursors(null);
    setUserTyping(false);
    reload();
    return () => {
      engine.stop();
      if (mode === "watch") void emitWithAck("chat:unwatch", { conversationId }).catch(() => undefined);
    };
  }, [conversationId, engine, mode, reload]);

  const resync = useCallback(() => void engine.resync(), [engine]);
  useWhenConnected(resync, [engine]);

  useServerEvent("chat:message", (message) => engine.receive(message as StaffChatMessageView));
  useServerEvent("chat:receipt", (notice) => {
    if (notice.conversationId === conversationId) setCursors((current) => mergeCursors(current, notice.side, notice));
  });
  useServerEvent("chat:typing", (notice) => {
    if (notice.conversationId !== conversationId || notice.side !== "user") return;
    setUserTyping(notice.typing);
    window.clearTimeout(typingTimer.current);
    if (notice.typing) typingTimer.current = window.setTimeout(() => setUserTyping(false), 8000);
  });
  useServerEvent("chat:risk", (alert) => {
    if (alert.conversationId === conversationId) reload();
  });

  useEffect(() => {
    const onVisible = () => markSeen(engine.snapshot.lastSeq);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.clearTimeout(typingTimer.current);
    };
    // markSeen reads only values the engine is keyed by.
  }, [engine]);

  const send = useCallback((body: string) => void engine.send(body), [engine]);
  const setTyping = useCallback((typing: boolean) => void emitWithAck("chat:typing", { conversationId, typing }).catch(() => undefined), [conversationId]);
  const dismissFailed = useCallback((id: string) => engine.dismissFailed(id), [engine]);

  return {
    conversation,
    messages: snapshot.messages,
    pending: snapshot.sending,
    hold: snapshot.hold,
    failed: snapshot.failed,
    cursors,
    userTyping,
    loadError,
    synced: snapshot.synced,
    syncError: snapshot.syncError ? new ApiError(snapshot.syncError.code, snapshot.syncError.message, 0) : null,
    send,
    setTyping,
    dismissFailed,
    reload,
    resync,
  };
}

