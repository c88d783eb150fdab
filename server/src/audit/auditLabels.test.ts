import { auditActionLabels, auditTargetTypeLabels } from "@xinyuan/shared";
import { auditWritesInSource, type AuditWrites } from "../../../tests/support/auditWritesInSource";

/** Where each code without a Chinese name is written, e.g. "case.view (server/src/cases/caseViews.ts:153)". */
function unlabelled(found: Map<string, string>, labels: Record<string, string>): string[] {
  return [...found].filter(([code]) => !labels[code]).map(([code, where]) => `${code} (${where})`);
}

describe("audit labels", () => {
  let writes: AuditWrites;
  beforeAll(() => {
    writes = auditWritesInSource();
  });

  it("works out every action and record type the server writes, including those built from variables and raw SQL", () => {
    expect(writes.unresolved).toEqual([]);
    expect(writes.actions.size).toBeGreaterThan(150);
    // a ? b : c, a template over a union type, a parameter of a literal union type, and an INSERT in SQL
    for (const action of ["duty.off", "case.action.called_110", "appointment.no_show", "publication.send_back", "chat.supervise.transfers", "hotline.claim"]) {
      expect(writes.actions.has(action)).toBe(true);
    }
    expect(writes.targetTypes.has("crisis_case")).toBe(true);
  });

  it("names every action the server writes in Chinese", () => {
    expect(unlabelled(writes.actions, auditActionLabels)).toEqual([]);
  });

  it("names every kind of record the server audits in Chinese", () => {
    expect(unlabelled(writes.targetTypes, auditTargetTypeLabels)).toEqual([]);
  });
});
