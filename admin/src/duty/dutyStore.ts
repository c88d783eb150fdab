import { apiRoutes, type DutyView, type SetDutyBody } from "@xinyuan/shared";
import { call } from "../request";
import { onServerEvent, whenConnected } from "../realtime/realtimeClient";

/**
 * The signed-in counsellor's duty state, shared by the header toggle and the work pages. Loaded from
 * GET /duty, refreshed on every (re)connect, and replaced by "duty:changed" when another of the
 * counsellor's devices (or this one) changes it.
 */
export interface DutyState {
  view: DutyView | null;
  loading: boolean;
  failed: boolean;
}

let state: DutyState = { view: null, loading: false, failed: false };
const listeners = new Set<() => void>();
let started = false;

function publish(next: Partial<DutyState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function dutyState(): DutyState {
  return state;
}

export async function loadDuty(): Promise<void> {
  publish({ loading: true, failed: false });
  try {
    publish({ view: await call<typeof apiRoutes.getDuty, DutyView>(apiRoutes.getDuty, { policy: "silent" }), loading: false });
  } catch {
    publish({ loading: false, failed: true });
  }
}

/** Goes on / off duty (HTTP; the server tells every device with "duty:changed"). */
export async function setDuty(body: SetDutyBody): Promise<DutyView> {
  const view = await call<typeof apiRoutes.setDuty, DutyView>(apiRoutes.setDuty, { body, policy: "message" });
  publish({ view });
  return view;
}

export function subscribeDuty(listener: () => void): () => void {
  listeners.add(listener);
  if (!started) {
    started = true;
    onServerEvent("duty:changed", (view) => publish({ view }));
    whenConnected(() => void loadDuty());
  }
  return () => listeners.delete(listener);
}
