import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { AuditOrigin } from "../audit/recordAudit";
import type { HotlineTicketRow } from "../hotline/presentHotlineTicket";
import { caseOpener } from "./caseOpener";
import { sealed } from "../crypto/sealedColumns";

/** An urgent ticket: the caller said they feel unsafe, or a counsellor flagged risk (priority). */
export function isUrgentTicket(ticket: Pick<HotlineTicketRow, "feelingUnsafe" | "priority">): boolean {
  return ticket.feelingUnsafe || ticket.priority > 0;
}

/**
 * Called in the transaction that marks an urgent ticket missed, BEFORE its phone is erased: a case keeps
 * what is needed to follow up (the alias and the user link, and for a caller who felt unsafe the number,
 * still encrypted). An unsafe caller nobody reached is 危机 (the ownership clock starts); a flagged one 预警.
 */
export async function caseFromMissedCallback(props: { tx: DbOrTx; cipher: FieldCipher; origin: AuditOrigin; now: Date; ticket: HotlineTicketRow }): Promise<{ caseId: string; created: boolean } | null> {
  const { ticket } = props;
  if (!isUrgentTicket(ticket)) return null;
  return caseOpener({
    tx: props.tx,
    cipher: props.cipher,
    origin: props.origin,
    now: props.now,
    signal: {
      sourceKind: "missed_callback",
      sourceId: ticket.id,
      level: ticket.feelingUnsafe ? "crisis" : "warning",
      userId: ticket.userId,
      subjectAlias: `回拨 ${ticket.number} 号来电者`,
      schoolId: ticket.schoolId,
      links: [{ kind: "hotline_ticket", id: ticket.id }],
      reporterId: null,
      phone: ticket.feelingUnsafe && ticket.phoneEnc ? props.cipher.decryptOrNull(ticket.phoneEnc, sealed.hotlinePhone.at(ticket)) : null,
      note: ticket.kind === "callback" ? `紧急回拨未接通（已尝试 ${ticket.attempts} 次）` : "紧急来电排队无人接听",
    },
  });
}
