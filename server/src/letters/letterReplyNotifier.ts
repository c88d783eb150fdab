import { and, eq, isNotNull, ne } from "drizzle-orm";
import { subscribeMessagePage, type LetterReminderBody } from "@xinyuan/shared";
import { letters } from "../db/schema";
import type { Services } from "../services";
import type { UserActor } from "../auth/actor";
import { AppError } from "../http/errors";
import { verifiedOpenid } from "../wechat/verifiedOpenid";
import { countyDateTimeOf } from "../hotline/countyTime";
import type { LetterRow } from "./lettersPolicy";
import { sealed } from "../crypto/sealedColumns";

/**
 * Arms one "a teacher answered your letter" WeChat subscribe message on the writer's own open letter,
 * as chat's reply reminder does: a fresh wx.login code after the writer accepted the template gives the
 * openid (accounts keep only its hash), stored encrypted on this letter until used or the letter ends.
 * One acceptance is one message (WeChat's one-time subscription quota), so it is erased when sent.
 */
export async function letterReplyReminderArmer(props: { services: Services; actor: UserActor; letter: LetterRow; input: LetterReminderBody }): Promise<LetterRow> {
  const { services, actor, letter } = props;
  if (letter.status === "closed") throw new AppError(409, "LETTER_CLOSED");
  const openid = await verifiedOpenid(services, actor.id, props.input.code, "LETTER_REMINDER_FAILED");
  const [updated] = await services.db
    .update(letters)
    .set({ notifyOpenidEnc: services.cipher.encrypt(openid, sealed.letterNotifyOpenid.at(letter)) })
    .where(and(eq(letters.id, letter.id), eq(letters.userId, actor.id), ne(letters.status, "closed")))
    .returning();
  if (!updated) throw new AppError(409, "LETTER_CLOSED");
  return updated;
}

/**
 * After a teacher's reply committed: takes the armed address out of the letter (locked and erased in one
 * transaction, so however many replies or processes race it goes once) and sends the message. The
 * message never carries the letter's or the reply's text. Never throws; a failed send is logged.
 */
export async function sendLetterReplyReminder(services: Services, letterId: string): Promise<void> {
  try {
    const openid = await services.db.transaction(async (tx) => {
      const [row] = await tx.select({ enc: letters.notifyOpenidEnc }).from(letters).where(and(eq(letters.id, letterId), isNotNull(letters.notifyOpenidEnc))).for("update");
      if (!row?.enc) return null;
      await tx.update(letters).set({ notifyOpenidEnc: null }).where(eq(letters.id, letterId));
      return services.cipher.decrypt(row.enc, sealed.letterNotifyOpenid.at({ id: letterId }));
    });
    if (!openid) return;
    await services.wechat.sendSubscribeMessage({
      toOpenid: openid,
      templateId: services.config.letters.replyTemplate,
      page: subscribeMessagePage("letters", { letter: letterId }),
      data: {
        thing1: { value: "心理信箱" },
        thing2: { value: "老师给你回信了，点开就能看到" },
        time3: { value: countyDateTimeOf(services.clock.now()) },
      },
    });
  } catch (error) {
    services.log.warn({ err: error, letterId }, "letter reply reminder not sent");
  }
}
