import { asc, eq, inArray } from "drizzle-orm";
import { caseIdentities, crisisCases } from "../db/schema";
import type { AccountDeletionStep } from "../users/accountDeletionSteps";
import { exportSection } from "../users/exportSections";
import { exportTime, labelOf } from "../users/exportText";
import { identityLegalBasisLabels } from "@xinyuan/shared";

/**
 * What the person's data export says about crisis cases (see README "Data kept and the export"): that a
 * case exists, when it was opened, whether it is still open, and which personal data of theirs it holds
 * (an identity record and its legal basis, a kept call-back number) — not the staff's assessments, the
 * actions taken (guardian contacted, 110 called), referrals or notes. Those are safeguarding records
 * (未成年人保护法 art. 11 mandatory reporting; PIPL art. 18 and 35: disclosure would impede a statutory
 * duty) and a minor's export may be read by the very adult a report concerns; they are released on
 * request through the county centre after a person reviews it.
 */
export const casesExportSection = exportSection({
  key: "crisisCases",
  title: "安全跟进记录",
  async collect({ db, userId }) {
    const rows = await db.select().from(crisisCases).where(eq(crisisCases.userId, userId)).orderBy(asc(crisisCases.openedAt));
    const ids = rows.map((row) => row.id);
    const identities = ids.length ? await db.select({ caseId: caseIdentities.caseId, legalBasis: caseIdentities.legalBasis, state: caseIdentities.state }).from(caseIdentities).where(inArray(caseIdentities.caseId, ids)) : [];
    return {
      note: "这里列出心理中心为关心你的安全而建立的跟进记录。老师的评估和处理记录不在导出范围内；如需查阅，请联系县心理健康教育中心，由工作人员与你一起查看。",
      cases: rows.map((row) => {
        const identity = identities.find((candidate) => candidate.caseId === row.id && candidate.state !== "rejected");
        return {
          openedAt: row.openedAt.toISOString(),
          open: row.status !== "closed",
          closedAt: row.closedAt?.toISOString() ?? null,
          identityRecorded: identity ? { legalBasis: identity.legalBasis } : null,
          callbackNumberKept: row.phoneEnc !== null,
        };
      }),
    };
  },
  render({ note, cases }) {
    if (cases.length === 0) return [];
    return [
      note,
      ...cases.flatMap((record) => [
        `${exportTime(record.openedAt)} 建立，${record.open ? "仍在跟进" : `已结束${record.closedAt ? `（${exportTime(record.closedAt)}）` : ""}`}`,
        ...(record.identityRecorded ? [`  记录了你的身份信息，依据：${labelOf(identityLegalBasisLabels, record.identityRecorded.legalBasis)}`] : []),
        ...(record.callbackNumberKept ? ["  保存了一个回电号码"] : []),
      ]),
    ];
  },
});

/**
 * Account deletion: cases are kept (safeguarding records, measure 3) but detached from the account, so no
 * new contact links to them; an open case keeps its encrypted call-back number until it closes (the child
 * may still be at risk), and the identity record keeps its own legal basis.
 */
export const casesDeletionStep: AccountDeletionStep = {
  name: "cases",
  async run({ tx, userId }) {
    await tx.update(crisisCases).set({ userId: null }).where(eq(crisisCases.userId, userId));
  },
};
