import type { CannedReplyView } from "@xinyuan/shared";
import type { StaffActor } from "../auth/actor";
import { cannedReplyAccess } from "./chatPolicy";
import type { CannedReplyRow } from "./cannedReplyViews";

/** A reply as the asking staff member sees it: whose it is (mine / county) and whether they may edit it. */
export function presentCannedReply(row: CannedReplyRow, actor: StaffActor): CannedReplyView {
  return { id: row.id, title: row.title, body: row.body, scope: row.ownerStaffId === null ? "county" : "mine", editable: cannedReplyAccess(actor, row) === "edit", updatedAt: row.updatedAt.toISOString() };
}
