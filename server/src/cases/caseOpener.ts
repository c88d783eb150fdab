import { randomUUID } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import { caseLevelRank, type CaseLevel, type CaseLinkKind, type CaseSourceKind, type RiskLevel } from "@xinyuan/shared";
import { appUsers, caseLinks, caseTeamMembers, crisisCases, schools } from "../db/schema";
import type { DbOrTx } from "../db/database";
import type { FieldCipher } from "../crypto/fieldCipher";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { appendCaseEvent } from "./caseEvents";
import { sealed } from "../crypto/sealedColumns";

export interface CaseSignal {
  /** What opened (or joined) the case: 发现途径. */
  sourceKind: CaseSourceKind;
  sourceId: string | null;
  level: CaseLevel;
  /** The student's account: links their calls, chats and letters; never shown. Null for an anonymous call. */
  userId: string | null;
  /** Needed when there is no user (an anonymous inbound call); otherwise the user's alias is used. */
  subjectAlias?: string;
  schoolId?: string | null;
  /** Contacts and alerts to link. */
  links: Array<{ kind: CaseLinkKind; id: string; riskLevel?: RiskLevel | null }>;
  /** The counsellor who reported it (joins the team so they can follow what happens); null for the system. */
  reporterId: string | null;
  /** An unsafe caller's call-back number (sealed to the case's row here, never stored in the clear). */
  phone?: string | null;
  note?: string;
}

export interface CaseOpenerProps {
  /** The caller's transaction: the case commits with the record, alert or ticket change that raised it. */
  tx: DbOrTx;
  cipher: FieldCipher;
  origin: AuditOrigin;
  now: Date;
  signal: CaseSignal;
}

const openForUser = sql`status <> 'closed' AND user_id IS NOT NULL`;

/**
 * Opens a case for a signal, or joins the user's open case: at most one case per user is not closed.
 * Concurrency-safe on PostgreSQL: the insert is ON CONFLICT DO NOTHING on the partial unique index, so of
 * two signals racing one inserts and the other waits for its commit, finds the row and joins it. A join
 * links the new contact, raises the level if the signal is graver, and adds the reporter to the team.
 */
export async function caseOpener(props: CaseOpenerProps): Promise<{ caseId: string; created: boolean }> {
  const { tx, signal, now } = props;
  const user = signal.userId
    ? (await tx.select({ alias: appUsers.alias, schoolId: appUsers.schoolId }).from(appUsers).where(eq(appUsers.id, signal.userId)).limit(1))[0]
    : undefined;
  const schoolId = signal.schoolId ?? user?.schoolId ?? null;
  const areaId = schoolId ? ((await tx.select({ areaId: schools.areaId }).from(schools).where(eq(schools.id, schoolId)).limit(1))[0]?.areaId ?? null) : null;
  const subjectAlias = user?.alias ?? signal.subjectAlias ?? "匿名来电者";
  const values = {
    userId: user ? signal.userId : null,
    subjectAlias,
    level: signal.level,
    status: "open",
    schoolId,
    areaId,
    sourceKind: signal.sourceKind,
    sourceId: signal.sourceId,
    ownerlessSince: signal.level === "crisis" ? now : null,
    openedAt: now,
    updatedAt: now,
  };

  const sealPhone = (caseId: string) => (signal.phone ? props.cipher.encrypt(signal.phone, sealed.casePhone.at({ id: caseId })) : null);

  for (let attempt = 0; attempt < 3; attempt += 1) {
    const newId = randomUUID();
    const row = { ...values, id: newId, phoneEnc: sealPhone(newId) };
    const inserted = values.userId
      ? await tx.insert(crisisCases).values(row).onConflictDoNothing({ target: crisisCases.userId, where: openForUser }).returning({ id: crisisCases.id })
      : await tx.insert(crisisCases).values(row).returning({ id: crisisCases.id });
    if (inserted[0]) {
      const caseId = inserted[0].id;
      await attach(props, caseId);
      await appendCaseEvent(tx, props.cipher, { caseId, kind: "opened", actorId: signal.reporterId, at: now, note: signal.note, detail: { source: signal.sourceKind, level: signal.level } });
      await recordAudit(tx, props.origin, { action: "case.open", targetType: "crisis_case", targetId: caseId, detail: { source: signal.sourceKind, sourceId: signal.sourceId, level: signal.level } });
      return { caseId, created: true };
    }
    const [open] = await tx
      .select()
      .from(crisisCases)
      .where(and(eq(crisisCases.userId, values.userId!), ne(crisisCases.status, "closed")))
      .for("update");
    if (!open) continue; // closed between the insert and the read: try again
    const graver = caseLevelRank[signal.level] > caseLevelRank[open.level as CaseLevel];
    await tx
      .update(crisisCases)
      .set({
        updatedAt: now,
        ...(graver ? { level: signal.level } : {}),
        ...(graver && signal.level === "crisis" && !open.ownerId ? { ownerlessSince: now } : {}),
        ...(signal.phone ? { phoneEnc: sealPhone(open.id) } : {}),
      })
      .where(eq(crisisCases.id, open.id));
    await attach(props, open.id);
    await appendCaseEvent(tx, props.cipher, { caseId: open.id, kind: "joined", actorId: signal.reporterId, at: now, note: signal.note, detail: { source: signal.sourceKind, level: signal.level } });
    if (graver) await appendCaseEvent(tx, props.cipher, { caseId: open.id, kind: "level_changed", actorId: null, at: now, detail: { from: open.level, to: signal.level } });
    await recordAudit(tx, props.origin, { action: "case.join", targetType: "crisis_case", targetId: open.id, detail: { source: signal.sourceKind, sourceId: signal.sourceId, level: signal.level } });
    return { caseId: open.id, created: false };
  }
  throw new Error("caseOpener: the open case kept closing under us");
}

async function attach(props: CaseOpenerProps, caseId: string): Promise<void> {
  const { tx, signal, now } = props;
  if (signal.links.length > 0) {
    await tx
      .insert(caseLinks)
      .values(signal.links.map((link) => ({ caseId, kind: link.kind, targetId: link.id, riskLevel: link.riskLevel ?? null, at: now })))
      .onConflictDoNothing();
  }
  if (signal.reporterId) await tx.insert(caseTeamMembers).values({ caseId, staffId: signal.reporterId, addedAt: now }).onConflictDoNothing();
}
