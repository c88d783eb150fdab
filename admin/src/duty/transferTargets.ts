import { apiRoutes, type DutyChannel, type TransferTargetView } from "@xinyuan/shared";
import { call } from "../request";

/** Colleagues on duty for a channel right now, with their load; the busy ones come back disabled. */
export const fetchTransferTargets = (channel: DutyChannel) => call<typeof apiRoutes.transferTargets, TransferTargetView[]>(apiRoutes.transferTargets, { query: { channel }, policy: "silent" });

/** Select options for a transfer: free colleagues first, busy ones shown but not pickable. */
export function transferTargetOptions(targets: readonly TransferTargetView[], channel: DutyChannel) {
  return targets.map((target) => ({
    value: target.id,
    disabled: !target.canTake,
    label: `${target.name} · ${loadLabel(target, channel)}`,
  }));
}

function loadLabel(target: TransferTargetView, channel: DutyChannel): string {
  if (channel === "hotline") return target.canTake ? "空闲" : "通话中";
  return target.canTake ? `接待 ${target.load}/${target.capacity}` : `已满 ${target.load}/${target.capacity}`;
}
