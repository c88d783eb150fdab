import { retentionKinds, type UpdateRetentionBody } from "@xinyuan/shared";
import type { Services } from "../services";
import { recordAudit, type AuditOrigin } from "../audit/recordAudit";
import { ConflictError } from "../http/errors";
import { readRetentionSettings, writeRetentionSettings } from "./retentionSettings";
import { dryRunSeen } from "./retentionRuns";

/**
 * Sets periods and which kinds are erased. A kind may be enabled (or its period changed while enabled) only
 * after a dry run at that period in the last 30 days: the centre sees the counts before anything is erased.
 * Audited with each changed kind before and after.
 */
export async function retentionUpdater(props: { services: Services; changes: UpdateRetentionBody; origin: AuditOrigin }): Promise<void> {
  const { services, changes, origin } = props;
  const now = services.clock.now();
  for (const change of changes.kinds) {
    if (!change.enabled) continue;
    if (!(await dryRunSeen(services, change.kind, change.days, now))) throw ConflictError("RETENTION_DRY_RUN_REQUIRED");
  }
  await services.db.transaction(async (tx) => {
    const before = await readRetentionSettings(tx);
    const after = structuredClone(before);
    for (const change of changes.kinds) after[change.kind] = { days: change.days, enabled: change.enabled };
    const changed = retentionKinds.filter((kind) => before[kind].days !== after[kind].days || before[kind].enabled !== after[kind].enabled);
    if (changed.length === 0) return;
    await writeRetentionSettings(tx, after, now);
    await recordAudit(tx, origin, {
      action: "retention.update",
      targetType: "retention",
      detail: { before: Object.fromEntries(changed.map((kind) => [kind, before[kind]])), after: Object.fromEntries(changed.map((kind) => [kind, after[kind]])) },
    });
  });
}
