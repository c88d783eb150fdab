import type { ChatAssignmentNotice, RiskLevel, RiskSignalCategory } from "@xinyuan/shared";
import type { ChatMessageRow } from "../db/schema";

/**
 * What a chat command changed, collected inside its transaction and sent to sockets only after the
 * commit (a notice about something that then rolled back would be a lie).
 */
export class ChatEffects {
  messages: ChatMessageRow[] = [];
  /** Who a conversation's messages go to, as the writing transaction saw it (no re-read to fan out). */
  routing = new Map<string, { userId: string; assignedStaffId: string | null; status: string; reminderArmed?: boolean }>();
  /** Staff display names the command already knows (the sending counsellor's): no lookup to present them. */
  staffNames = new Map<string, string>();
  risks: Array<{ conversationId: string; seq: number; level: RiskLevel; categories: RiskSignalCategory[] }> = [];
  assigned: Array<{ staffId: string } & ChatAssignmentNotice> = [];
  unassigned: Array<{ staffId: string } & ChatAssignmentNotice> = [];
  /** Conversations whose student should hear about a status change. */
  statusChanged = new Set<string>();
  queueChanged = false;
  /** Capacity was freed or a chat came back: try to route the queue afterwards. */
  dispatch = false;
}
