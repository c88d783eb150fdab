/** Tab keys of the chats page: my own chats by id, chats a supervisor follows read-only as watch:<id>. */
export const watchKey = (id: string) => `watch:${id}`;

const isWatchKey = (key: string) => key.startsWith("watch:");

interface LinkedChat {
  /** The ?c= of the address: a tab key, or a bare conversation id from a link such as a risk alert. */
  selected: string | null;
  /** My assigned chats, and chats I have just accepted or taken over (the list may not have caught up). */
  mine: readonly string[];
  canSupervise: boolean;
}

/**
 * A risk alert goes to every on-duty supervisor and links to /chats?c=<id>, but the tabs hold only my
 * own and watched chats: falling back to the first tab would show another student's conversation.
 * Returns the id a supervisor should start following (watch tab) for such a link, or null when the link
 * is one of my chats, already a tab key, or the staff member may not supervise.
 */
export function chatToWatch({ selected, mine, canSupervise }: LinkedChat): string | null {
  if (!selected || isWatchKey(selected) || mine.includes(selected) || !canSupervise) return null;
  return selected;
}
