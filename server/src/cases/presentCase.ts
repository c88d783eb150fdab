import type { CaseFlag, CaseLevel, CaseSourceKind, CaseStatus, CaseSummaryView, CaseTeamMode } from "@xinyuan/shared";
import type { CaseRow } from "./caseQueries";

/**
 * A case as staff see it in lists: the alias, never the user id, the phone or an identity. Only these
 * whitelisted fields leave the server.
 */
export function presentCaseSummary(row: CaseRow, names: { ownerName: string | null; schoolName: string | null }): CaseSummaryView {
  return {
    id: row.id,
    number: row.number,
    subjectAlias: row.subjectAlias,
    level: row.level as CaseLevel,
    status: row.status as CaseStatus,
    ownerId: row.ownerId,
    ownerName: names.ownerName,
    teamMode: row.teamMode as CaseTeamMode,
    flags: row.flags as CaseFlag[],
    schoolName: names.schoolName,
    nextFollowUpOn: row.nextFollowUpOn,
    source: row.sourceKind as CaseSourceKind,
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
