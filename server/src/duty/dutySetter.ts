import type { DutyChannel, DutyView, SetDutyBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { hasRole } from "../auth/actor";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { AppError, ForbiddenError } from "../http/errors";
import { personalRoom } from "../realtime/socketServer";
import { canWorkHotline } from "../hotline/hotlinePolicy";
import { readDuty, writeDuty } from "../presence/dutyState";

/** The channels this staff member may be on duty for: chat for counsellors and supervisors, the county line at county scope. */
export function allowedDutyChannels(actor: StaffActor, wanted: readonly DutyChannel[]): DutyChannel[] {
  return wanted.filter((channel) => channel === "chat" || canWorkHotline(actor));
}

/**
 * Goes on or off duty (HTTP PUT /duty and the "duty:set" socket event run this one command). Channels the
 * staff member may not serve are dropped (a school counsellor asking for both gets chat only); asking to
 * go on duty with none left is refused. Audited; the staff member's other devices are told.
 */
export async function dutySetter(props: { services: Services; actor: StaffActor; body: SetDutyBody; origin: AuditOrigin }): Promise<DutyView> {
  const { services, actor, body, origin } = props;
  if (!hasRole(actor, "counsellor", "supervisor")) throw ForbiddenError();
  const channels = allowedDutyChannels(actor, body.channels);
  if (body.onDuty && channels.length === 0) throw new AppError(403, "DUTY_CHANNEL_NOT_ALLOWED");
  const { db, clock, realtime } = services;
  await db.transaction(async (tx) => {
    await writeDuty(tx, actor.id, { ...body, channels }, clock.now());
    await recordAudit(tx, origin, { action: body.onDuty ? "duty.on" : "duty.off", targetType: "staff", targetId: actor.id, detail: { channels } });
  });
  const view = await readDuty(db, actor.id, clock.now());
  realtime.emit(personalRoom(actor), "duty:changed", view);
  return view;
}
