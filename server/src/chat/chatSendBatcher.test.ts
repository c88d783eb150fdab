import { eq, sql } from "drizzle-orm";
import type { ChatMessageView } from "@xinyuan/shared";
import { chatMessages } from "../db/schema";
import { appendChatMessage } from "./chatMessageWriter";
import { ChatEffects } from "./chatEffects";
import { chatUser, counsellorOnDuty, newMessageId, startChat, waitFor } from "../../../tests/support/chatFixtures";
import { chatSuite } from "../../../tests/support/chatSuite";
import { testDbKind } from "../../../tests/support/testDatabase";
import { emitWithAck } from "../../../tests/support/socketClient";

/**
 * A batch looks up resends and rate windows in a statement of its own, after its row and rate locks:
 * a statement's snapshot is taken when it begins, before any lock wait, so a lookup folded into the
 * locking statement would miss a send committed while the batch waited (tried in 4725b7a, which then had
 * to re-check in the insert). These tests commit a send from another transaction exactly while a batch
 * waits for a lock, as another server process would: the batch must still see it (a naive fold fails
 * both). Two connections at once: PostgreSQL only (PGlite has one).
 */
(testDbKind === "postgres" ? describe : describe.skip)("chat send batches racing another process (PostgreSQL)", () => {
  const { c, server, track } = chatSuite();
  const stored = async (conversationId: string) => (await c.db.select().from(chatMessages).where(eq(chatMessages.conversationId, conversationId))).sort((a, b) => a.seq - b.seq);
  /** Resolves once some backend of this database waits for a lock (the batch behind the test's transaction). */
  const someoneWaits = () =>
    waitFor(async () => {
      const result = await c.db.execute(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n) > 0;
    }, "a batch waiting for a lock");

  async function pairs(count: number) {
    const counsellor = track(await counsellorOnDuty(c, { capacity: count }));
    const made = [];
    for (let index = 0; index < count; index += 1) {
      const student = track(await chatUser(c));
      const started = await startChat(c, student);
      expect(started.conversation!.status).toBe("active");
      made.push({ student, conversationId: started.conversation!.id });
    }
    return { counsellor, chats: made };
  }

  it("answers a resend stored by another transaction while the batch waited for the row, without a second copy", async () => {
    const { chats } = await pairs(1);
    const { student, conversationId } = chats[0]!;
    const { cipher } = server().server.services;
    const clientMessageId = newMessageId();
    let ack: Promise<{ ok: boolean; data?: ChatMessageView; error?: { code: string } }> | undefined;
    await c.db.transaction(async (tx) => {
      await appendChatMessage(tx, cipher, { conversationId, sender: { type: "user", id: student.id }, clientMessageId, body: "另一台服务器先存下的", now: c.now() }, new ChatEffects());
      ack = emitWithAck<ChatMessageView>(student.socket, "chat:send", { conversationId, clientMessageId, body: "另一台服务器先存下的" });
      await someoneWaits();
    });
    expect(await ack).toMatchObject({ ok: true, data: { seq: 2, clientMessageId, body: "另一台服务器先存下的" } });
    expect((await stored(conversationId)).map((row) => row.seq)).toEqual([1, 2]);
  });

  it("counts a counsellor's messages committed under their rate lock while the batch waited for it", async () => {
    const { counsellor, chats } = await pairs(2);
    const [first, second] = [chats[0]!, chats[1]!];
    const { cipher } = server().server.services;
    let ack: Promise<{ ok: boolean; error?: { code: string } }> | undefined;
    await c.db.transaction(async (tx) => {
      // as a batch on another process would: the conversation's row, then the counsellor's rate lock, then three messages
      for (let index = 0; index < 3; index += 1) await appendChatMessage(tx, cipher, { conversationId: second.conversationId, sender: { type: "staff", id: counsellor.staff.id }, clientMessageId: newMessageId(), body: `别处的第${index}条`, now: c.now() }, new ChatEffects());
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`chat-rate:${counsellor.staff.id}`}))`);
      ack = emitWithAck(counsellor.socket, "chat:send", { conversationId: first.conversationId, clientMessageId: newMessageId(), body: "第四条，一秒之内" });
      await someoneWaits();
    });
    expect(await ack).toMatchObject({ ok: false, error: { code: "CHAT_RATE_LIMITED" } });
    expect((await stored(first.conversationId)).map((row) => row.seq)).toEqual([1]);
  });
});
