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

export interface ReplyTimeRow {
  label: "回复期限" | "回信时间";
  text: string;
}

/**
 * The time row of the letter detail: 回复期限 only while a reply is owed (the same rule as the list's tag
 * and the server's overdue flag); once answered, 回信时间, when the latest reply went out; nothing for a
 * letter closed without a reply, which owes no deadline.
 */
export function replyTimeRow(letter: { status: LetterStatus; dueAt: string; messages?: ReadonlyArray<{ from: string; at: string }> }): ReplyTimeRow | null {
  if (letterAwaitsReply(letter.status)) return { label: "回复期限", text: formatCountyTime(letter.dueAt, "M月D日 HH:mm") };
  const replies = (letter.messages ?? []).filter((line) => line.from === "staff");
  const latest = replies[replies.length - 1];
  return latest ? { label: "回信时间", text: formatCountyTime(latest.at, "M月D日 HH:mm") } : null;
}
