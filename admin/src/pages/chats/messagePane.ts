/** What the message area shows. */
export type MessagePane = "loading" | "failed" | "empty" | "messages";

interface MessagePaneInput {
  /** The first "chat:resume" (or "chat:watch") for this conversation has answered. */
  synced: boolean;
  /** The last resume was refused or failed; cleared by the next one that succeeds. */
  failed: boolean;
  /** Stored messages plus our own lines still waiting in the outbox. */
  count: number;
}

/**
 * Messages arrive only through the socket resume, so an empty list means nothing until that resume has
 * answered: "还没有消息，可以先打个招呼" before then could have a counsellor greet a student whose
 * (possibly risky) messages simply have not loaded. Loading until the first resume, an error with a
 * retry when it failed, the empty state only after a successful resume with nothing in it.
 */
export function messagePane({ synced, failed, count }: MessagePaneInput): MessagePane {
  if (failed && (!synced || count === 0)) return "failed";
  if (!synced) return "loading";
  return count === 0 ? "empty" : "messages";
}
