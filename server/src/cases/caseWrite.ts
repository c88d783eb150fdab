import type { Services } from "../services";
import type { Actor, StaffActor } from "../auth/actor";
import type { DbOrTx } from "../db/database";
import { retryTransaction } from "../db/retryTransaction";
import { lockCaseFor, requireOpen, type LockedCase } from "./caseQueries";
import type { CaseAccessFacts } from "./casePolicy";
import { noticeCaseChanged } from "./caseNotices";

/**
 * The shape every case command shares: one transaction, the case row locked, the actor checked against
 * it (404 if they may not read it, 403 if they may not do this), closed cases refused unless
 * `allowClosed`; after commit, the owner and team are told the case changed (they refetch).
 */
export async function writeCase<T>(
  props: { services: Services; actor: StaffActor; caseId: string; allowed: (actor: Actor, facts: CaseAccessFacts) => boolean; allowClosed?: boolean },
  work: (tx: DbOrTx, row: LockedCase, now: Date) => Promise<T>,
): Promise<T> {
  const { services, actor, caseId } = props;
  let touched: LockedCase | undefined;
  const result = await retryTransaction(() =>
    services.db.transaction(async (tx) => {
      const now = services.clock.now();
      const row = await lockCaseFor(tx, actor, caseId, props.allowed);
      if (!props.allowClosed) requireOpen(row);
      touched = row;
      return work(tx, row, now);
    }),
  );
  if (touched) noticeCaseChanged(services, caseId, [touched.ownerId, ...touched.teamIds]);
  return result;
}
