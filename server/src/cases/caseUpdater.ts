import { eq } from "drizzle-orm";
import { caseFlags, type CaseEventKind, type UpdateCaseBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { crisisCases } from "../db/schema";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { appendCaseEvent } from "./caseEvents";
import { canActOnCase } from "./casePolicy";
import { writeCase } from "./caseWrite";

/**
 * Changes the level, the priority-group flags, the team mode, the next follow-up date or the status
 * (open / following up / referred; closing has its own command). Each change is a timeline entry.
 * Raising to 危机 with no owner starts the 5-minute ownership clock.
 */
export async function caseUpdater(props: { services: Services; actor: StaffActor; caseId: string; input: UpdateCaseBody; origin: AuditOrigin }): Promise<void> {
  const { services, actor, caseId, input, origin } = props;
  await writeCase({ services, actor, caseId, allowed: canActOnCase }, async (tx, row, now) => {
    const changes: Array<{ kind: CaseEventKind; detail: Record<string, unknown> }> = [];
    const set: Partial<typeof crisisCases.$inferInsert> = { updatedAt: now };
    if (input.level && input.level !== row.level) {
      set.level = input.level;
      if (input.level === "crisis" && row.ownerId === null) set.ownerlessSince = now;
      changes.push({ kind: "level_changed", detail: { from: row.level, to: input.level } });
    }
    if (input.flags) {
      const flags = caseFlags.filter((flag) => input.flags!.includes(flag));
      if (flags.join() !== row.flags.join()) {
        set.flags = flags;
        changes.push({ kind: "flags_changed", detail: { flags } });
      }
    }
    if (input.teamMode && input.teamMode !== row.teamMode) {
      set.teamMode = input.teamMode;
      changes.push({ kind: "team_changed", detail: { teamMode: input.teamMode } });
    }
    if (input.nextFollowUpOn !== undefined && input.nextFollowUpOn !== row.nextFollowUpOn) {
      set.nextFollowUpOn = input.nextFollowUpOn;
      changes.push({ kind: "follow_up_set", detail: { nextFollowUpOn: input.nextFollowUpOn } });
    }
    if (input.status && input.status !== row.status) {
      set.status = input.status;
      changes.push({ kind: "status_changed", detail: { from: row.status, to: input.status } });
    }
    if (changes.length === 0) return;
    await tx.update(crisisCases).set(set).where(eq(crisisCases.id, caseId));
    for (const change of changes) await appendCaseEvent(tx, services.cipher, { caseId, kind: change.kind, actorId: actor.id, at: now, detail: change.detail });
    await recordAudit(tx, origin, { action: "case.update", targetType: "crisis_case", targetId: caseId, detail: { changed: changes.map((change) => change.kind) } });
  });
}
