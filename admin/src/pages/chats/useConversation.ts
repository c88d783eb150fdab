import { useCallback, useEffect, useRef, useState } from "react";
import { ChatTimeline, newClientMessageId, type ChatCursorsView, type ChatResumeResult, type OutboxEntry, type StaffChatMessageView, type StaffConversationView } from "@xinyuan/shared";
import { asApiError } from "../../hooks/useAsync";
import type { ApiError } from "../../request";
import { emitWithAck } from "../../realtime/realtimeClient";
import { useServerEvent, useWhenConnected } from "../../realtime/useRealtime";
import { chatOutboxStore } from "./chatOutboxStore";
import { mergeCursors } from "./receipts";
import { fetchChat } from "./service";

export type ConversationMode = "assigned" | "watch";

export interface FailedMessage {
  entry: OutboxEntry;
  reason: string;
}

export interface ConversationState {
  conversation: StaffConversationView | null;
  messages: readonly StaffChatMessageView[];
  pending: OutboxEntry[];
  failed: FailedMessage[];
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
  /** Runs the resume again (and then resends the outbox). */
  resync: () => void;
}

/** Refusals after which resending the same message cannot succeed: nothing was stored, tell the counsellor. */
const finalRefusals = new Set(["CHAT_MESSAGE_TOO_LONG", "CHAT_MESSAGE_EMPTY", "CHAT_CLOSED", "CHAT_NOT_FOUND", "CHAT_READ_ONLY", "VALIDATION_FAILED", "FORBIDDEN"]);

/**
 * One conversation, kept exactly once and in order: messages go through a ChatTimeline (seq), a gap or
 * any (re)connect runs "chat:resume" from the last seq, and what we send waits in the outbox until the
 * server acknowledges it (resent with the same clientMessageId after a reconnect). Delivered and read
 * receipts go back as we apply messages; the student's typing and receipts come in.
 * A supervisor's "watch" mode follows read-only ("chat:watch", audited by the server).
 * `staffId` is the signed-in staff member: the outbox is theirs alone.
 */
export function useConversation(conversationId: string, mode: ConversationMode, staffId: string): ConversationState {
  const timeline = useRef(new ChatTimeline<StaffChatMessageView>());
  const [, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((value) => value + 1), []);
  const [conversation, setConversation] = useState<StaffConversationView | null>(null);
  const [cursors, setCursors] = useState<ChatCursorsView | null>(null);
  const [userTyping, setUserTyping] = useState(false);
  const [failed, setFailed] = useState<FailedMessage[]>([]);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [synced, setSynced] = useState(false);
  const [syncError, setSyncError] = useState<ApiError | null>(null);
  const seenSent = useRef(0);
  const flushing = useRef(false);
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

  const markSeen = useCallback(() => {
    const seq = timeline.current.lastSeq;
    if (mode !== "assigned" || seq <= seenSent.current) return;
    void emitWithAck("chat:delivered", { conversationId, seq }).catch(() => undefined);
    if (document.visibilityState === "visible") {
      seenSent.current = seq;
      void emitWithAck("chat:read", { conversationId, seq }).catch(() => undefined);
    }
  }, [conversationId, mode]);

  const apply = useCallback(
    (result: ChatResumeResult) => {
      timeline.current.receive(result.messages as StaffChatMessageView[]);
      if (result.messages.some((message) => message.from === "user")) setUserTyping(false);
      setCursors((current) => mergeCursors(mergeCursors(current, "user", result.cursors.user), "staff", result.cursors.staff));
      bump();
    },
    [bump],
  );

  const resume = useCallback(async () => {
    if (mode === "watch") {
      apply(await emitWithAck("chat:watch", { conversationId }));
      return;
    }
    for (let more = true; more; ) {
      const result = await emitWithAck("chat:resume", { conversationId, afterSeq: timeline.current.lastSeq });
      apply(result);
      more = result.hasMore && result.messages.length > 0;
    }
    markSeen();
  }, [apply, conversationId, markSeen, mode]);

  const flushOutbox = useCallback(async () => {
    if (flushing.current || mode !== "assigned") return;
    flushing.current = true;
    try {
      const outbox = chatOutboxStore.outboxOf(staffId);
      for (const entry of chatOutboxStore.pendingFor(staffId, conversationId)) {
        try {
          const stored = await emitWithAck("chat:send", { conversationId, clientMessageId: entry.clientMessageId, body: entry.body });
          outbox.acknowledge(entry.clientMessageId);
          timeline.current.receive(stored as StaffChatMessageView);
        } catch (error) {
          const refusal = asApiError(error);
          if (!finalRefusals.has(refusal.code)) break; // offline, timeout, rate limit: keep it and retry later
          outbox.acknowledge(entry.clientMessageId);
          setFailed((list) => [...list, { entry, reason: refusal.message }]);
        } finally {
          chatOutboxStore.save(staffId);
          bump();
        }
      }
    } finally {
      flushing.current = false;
    }
  }, [bump, conversationId, mode, staffId]);

  const resync = useCallback(() => {
    void resume()
      .then(
        () => {
          setSynced(true);
          setSyncError(null);
          return flushOutbox();
        },
        (error: unknown) => setSyncError(asApiError(error)),
      )
      .catch(() => undefined);
  }, [flushOutbox, resume]);

  useEffect(() => {
    timeline.current = new ChatTimeline<StaffChatMessageView>();
    seenSent.current = 0;
    setCursors(null);
    setFailed([]);
    setUserTyping(false);
    setSynced(false);
    setSyncError(null);
    reload();
    bump();
    return () => {
      if (mode === "watch") void emitWithAck("chat:unwatch", { conversationId }).catch(() => undefined);
    };
  }, [bump, conversationId, mode, reload]);

  useWhenConnected(resync, [conversationId, mode]);

  useServerEvent("chat:message", (message) => {
    if (message.conversationId !== conversationId) return;
    const gap = timeline.current.receive(message as StaffChatMessageView);
    bump();
    if (message.from === "user") setUserTyping(false);
    if (message.from === "system") reload();
    if (gap) resync();
    else markSeen();
  });
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
    const onVisible = () => markSeen();
    document.addEventListener("visibilitychange", onVisible);
    // Messages we sent that are still unacknowledged are retried now and then, not only on reconnect.
    const retry = window.setInterval(() => void flushOutbox(), 5000);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.clearInterval(retry);
      window.clearTimeout(typingTimer.current);
    };
  }, [flushOutbox, markSeen]);

  const send = useCallback(
    (body: string) => {
      chatOutboxStore.outboxOf(staffId).add({ conversationId, clientMessageId: newClientMessageId(), body, queuedAt: Date.now() });
      chatOutboxStore.save(staffId);
      bump();
      void flushOutbox();
    },
    [bump, conversationId, flushOutbox, staffId],
  );

  const setTyping = useCallback((typing: boolean) => void emitWithAck("chat:typing", { conversationId, typing }).catch(() => undefined), [conversationId]);
  const dismissFailed = useCallback((id: string) => setFailed((list) => list.filter((item) => item.entry.clientMessageId !== id)), []);

  return {
    conversation,
    messages: timeline.current.applied,
    pending: chatOutboxStore.pendingFor(staffId, conversationId),
    failed,
    cursors,
    userTyping,
    loadError,
    synced,
    syncError,
    send,
    setTyping,
    dismissFailed,
    reload,
    resync,
  };
}
