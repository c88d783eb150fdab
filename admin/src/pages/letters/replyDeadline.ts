import { letterAwaitsReply, type LetterStatus } from "@xinyuan/shared";
import { formatCountyTime } from "../../countyTime";

export interface ReplyDeadlineTag {
  text: string;
  color?: "orange";
}

/**
 * The deadline tag of a letter in the list: 已超时 or "M月D日前回复" while a reply is owed, and nothing once
 * the letter is replied to or closed, so a done letter does not look like work still waiting.
 */
export function replyDeadlineTag(letter: { status: LetterStatus; dueAt: string; overdue: boolean }): ReplyDeadlineTag | null {
  if (!letterAwaitsReply(letter.status)) return null;
  if (letter.overdue) return { text: "已超时", color: "orange" };
  return { text: `${formatCountyTime(letter.dueAt, "M月D日")}前回复` };
}
