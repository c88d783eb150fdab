import type { Services } from "../services";

/** Staff personal rooms (the same staff-<id> room chat and hotline use, shared across processes). */
const staffRoom = (staffId: string) => `staff-${staffId}`;

/** A small "this case changed" notice to the staff following it; clients refetch through the API. */
export function noticeCaseChanged(services: Services, caseId: string, staffIds: Array<string | null>): void {
  services.realtime.emit([...new Set(staffIds)].filter((staffId): staffId is string => Boolean(staffId)).map(staffRoom), "changed", { resource: "case", id: caseId });
}
