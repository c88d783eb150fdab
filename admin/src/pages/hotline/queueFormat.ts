import type { HotlineQueueEntryView } from "@xinyuan/shared";

/** "等了 12 分钟" / "刚刚加入": calm wording for how long someone has waited. */
export function describeWait(minutes: number): string {
  if (minutes < 1) return "刚刚加入";
  if (minutes < 60) return `已等 ${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  return `已等 ${hours} 小时 ${minutes % 60} 分钟`;
}

/** Priority first (a risk flag jumps the queue), then first come, as the server orders it; ties by number. */
export function queueOrder(entries: readonly HotlineQueueEntryView[]): HotlineQueueEntryView[] {
  return [...entries].sort((a, b) => {
    if (a.priority !== b.priority) return a.priority === "urgent" ? -1 : 1;
    if (a.position !== null && b.position !== null && a.position !== b.position) return a.position - b.position;
    return a.joinedAt === b.joinedAt ? a.number - b.number : a.joinedAt < b.joinedAt ? -1 : 1;
  });
}

/**
 * Asked before 按号接起: the typed number is read back, so a mistyped one (someone else's ticket) is
 * caught before it is claimed.
 */
export function claimByNumberQuestion(number: number): { title: string; content: string } {
  return { title: `确认接起 ${number} 号来电？`, content: "请先和来电者核对排队号。" };
}
