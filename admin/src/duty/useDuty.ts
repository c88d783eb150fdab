import { useSyncExternalStore } from "react";
import { dutyState, subscribeDuty, type DutyState } from "./dutyStore";

export function useDuty(): DutyState {
  return useSyncExternalStore(subscribeDuty, dutyState, dutyState);
}
