import { caseLevelForRisk, type CaseLinkKind, type ContactRecordBody } from "@xinyuan/shared";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { AuditOrigin } from "../audit/recordAudit";
import { caseOpener } from "./caseOpener";

const linkKindOfSource: Record<string, CaseLinkKind> = { chat_conversation: "chat_conversation", hotline_ticket: "hotline_ticket", letter: "letter" };

/** Whether a contact record starts the crisis procedure: high or imminent risk, or follow-up needed. */
export function recordNeedsCase(body: Pick<ContactRecordBody, "riskLevel" | "followUpNeeded">): boolean {
  return body.riskLevel === "high" || body.riskLevel === "imminent" || body.followUpNeeded;
}

/**
 * Called by contactRecorder inside its transaction: a record with high or imminent risk, or follow-up
 * needed, opens a case (or joins the user's open one), linking the record and the call/chat/letter it
 * came from. The recording counsellor joins the team; the case waits for an owner.
 */
export async function caseFromContactRecord(props: {
  tx: DbOrTx;
  cipher: FieldCipher;
  origin: AuditOrigin;
  now: Date;
  recordId: string;
  staffId: string;
  userId: string | null;
  schoolId: string | null;
  source?: { type: string; id: string };
  body: Pick<ContactRecordBody, "riskLevel" | "followUpNeeded">;
}): Promise<{ caseId: string; created: boolean } | null> {
  if (!recordNeedsCase(props.body)) return null;
  const links: Array<{ kind: CaseLinkKind; id: string; riskLevel?: ContactRecordBody["riskLevel"] }> = [{ kind: "contact_record", id: props.recordId, riskLevel: props.body.riskLevel }];
  const sourceKind = props.source ? linkKindOfSource[props.source.type] : undefined;
  if (props.source && sourceKind) links.push({ kind: sourceKind, id: props.source.id, riskLevel: props.body.riskLevel });
  return caseOpener({
    tx: props.tx,
    cipher: props.cipher,
    origin: props.origin,
    now: props.now,
    signal: {
      sourceKind: "contact_record",
      sourceId: props.recordId,
      level: caseLevelForRisk(props.body.riskLevel),
      userId: props.userId,
      subjectAlias: `匿名来电者 ${props.recordId.slice(0, 4)}`,
      schoolId: props.schoolId,
      links,
      reporterId: props.staffId,
    },
  });
}
