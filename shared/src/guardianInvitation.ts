import { z } from "zod";
import { guardianRelations, type GuardianRelation } from "./consent";

/** How long a guardian consent invitation may be opened: long enough to reach a parent at work, short enough not to linger. */
export const guardianInvitationHours = 48;

export const guardianInvitationStatuses = ["pending", "confirmed", "declined", "expired", "cancelled"] as const;
export type GuardianInvitationStatus = (typeof guardianInvitationStatuses)[number];

/** The token travels in the share card's path; 43 url-safe characters (32 random bytes). */
export const guardianInvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "邀请链接不完整，请让孩子重新发送。" });

export const confirmGuardianInvitationBody = z.object({
  guardianRelation: z.enum(guardianRelations),
});
export type ConfirmGuardianInvitationBody = z.infer<typeof confirmGuardianInvitationBody>;

/** What the child sees of their own invitation (the token only in the answer that created it). */
export interface GuardianInvitationView {
  id: string;
  status: GuardianInvitationStatus;
  expiresAt: string;
  guardianRelation: GuardianRelation | null;
  decidedAt: string | null;
  /** Only when just created: what goes into the share card's path or the copied link. */
  token?: string;
}

/** What the guardian sees when opening an invitation: no name, no school, only the child's alias. */
export interface GuardianInvitationForGuardianView {
  childAlias: string;
  status: GuardianInvitationStatus;
  expiresAt: string;
  guardianVersion: string;
}
