import { eq } from "drizzle-orm";
import type { LetterBoxOptionView, LetterBoxOptionsView, LetterTarget } from "@xinyuan/shared";
import { mailboxMembers } from "../db/schema";
import type { DbOrTx } from "../db/database";
import { AppError } from "../http/errors";
import { routeLetter } from "./mailboxRouting";
import { currentTerm } from "./letterCalendar";

const readersOf: Record<LetterTarget, string> = {
  school: "你们学校的专职心理老师",
  area: "你所在片区的心理老师（县里统一管理，不是你们学校的老师）",
  county: "县心理健康中心的心理老师",
};

export const notWatchedNotice = "信箱只在工作日的白天有老师看，晚上、周末和节假日没有人值守。如果你现在就有危险或非常难受，请马上拨打下面的电话。";

/**
 * The honest expectations shown before sending, per target: who reads it, how many working days a reply
 * usually takes, the out-of-term notice during 寒暑假, and whether the school's own box is missing (so the
 * letter goes to the area or county instead). A target that cannot be reached (no school chosen) is unavailable.
 */
export async function letterBoxOptions(props: { db: DbOrTx; schoolId: string | null; now: Date }): Promise<LetterBoxOptionsView> {
  const term = await currentTerm(props.db, props.now);
  const options: LetterBoxOptionView[] = [];
  for (const target of ["school", "area", "county"] as const) {
    try {
      const { mailbox, routedOnward } = await routeLetter(props.db, target, props.schoolId);
      const members = await props.db.select({ id: mailboxMembers.staffId }).from(mailboxMembers).where(eq(mailboxMembers.mailboxId, mailbox.id)).limit(1);
      const kind = mailbox.kind as LetterTarget;
      options.push({
        target,
        available: true,
        mailboxName: mailbox.name,
        readers: readersOf[kind] + (members.length === 0 && kind !== "county" ? "；这个信箱的老师还在安排中，县心理健康中心会帮忙看" : ""),
        replyWorkingDays: mailbox.replyWorkingDays,
        outOfTermNotice: term ? mailbox.outOfTermNotice || `现在是${term.name}，回信可能会慢一些，${term.endsOn} 之后老师会尽快回复。` : null,
        routedOnward,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      options.push({ target, available: false, mailboxName: null, readers: readersOf[target], replyWorkingDays: 0, outOfTermNotice: null, routedOnward: false });
    }
  }
  return { options, notWatchedNotice };
}
