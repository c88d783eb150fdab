import type { StaffSessionView, StaffView } from "@xinyuan/shared";
import { chatOutboxStore } from "../chat/chatOutboxStore";
import { clearActivity } from "./idleClock";

/**
 * The signed-in staff session, kept in sessionStorage (one browser tab, gone when the browser closes:
 * school computers are often shared). A tiny external store read with useSyncExternalStore.
 */

const sessionKey = "xinyuan.admin.session";
const endReasonKey = "xinyuan.admin.endReason";

export type PendingStep = StaffSessionView["pending"][number];

type Listener = () => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  return typeof window === "undefined" ? null : window.sessionStorage;
}

function readStoredSession(): StaffSessionView | null {
  const raw = storage()?.getItem(sessionKey);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as StaffSessionView;
  } catch {
    return null;
  }
}

let current: StaffSessionView | null = readStoredSession();
let endedByChoice = false;

function publish(next: StaffSessionView | null): void {
  current = next;
  if (next) storage()?.setItem(sessionKey, JSON.stringify(next));
  else storage()?.removeItem(sessionKey);
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): StaffSessionView | null {
  return current;
}

export function getToken(): string | null {
  return current?.token ?? null;
}

export function startSession(session: StaffSessionView): void {
  storage()?.removeItem(endReasonKey);
  clearActivity();
  endedByChoice = false;
  publish(session);
}

/** Marks a forced step as done locally (the server is the judge; it refuses the API until it agrees). */
export function completePendingStep(step: PendingStep, staff?: Partial<StaffView>): void {
  if (!current) return;
  publish({
    ...current,
    pending: current.pending.filter((pending) => pending !== step),
    staff: { ...current.staff, ...staff },
  });
}

/** The server says a forced step is still open (e.g. an admin just reset the password): go back to it. */
export function requirePendingStep(step: PendingStep): void {
  if (!current || current.pending.includes(step)) return;
  publish({ ...current, pending: [...current.pending, step] });
}

/** The signed-in account as GET /account and the account routes answer it: the staff view plus open steps. */
export type AccountAnswer = StaffView & { pending?: PendingStep[] };

/** Takes a fresh account answer: roles and scope may have changed, and forced steps may have opened or closed. */
export function applyAccount(answer: AccountAnswer): void {
  if (!current) return;
  const { pending, ...staff } = answer;
  publish({ ...current, staff, pending: pending ?? current.pending });
}

/**
 * Ends the session locally (sign-out, idle logout, or the server saying it has ended). `reason` is shown
 * once on the login page. Unsent chat messages go with it: on a shared computer the next person signed
 * in must never resend them under their own name.
 */
export function endSession(reason?: string): void {
  if (reason) storage()?.setItem(endReasonKey, reason);
  else storage()?.removeItem(endReasonKey);
  clearActivity();
  chatOutboxStore.clear();
  endedByChoice = reason === undefined;
  publish(null);
}

/** True when the last session in this tab ended because the staff member signed out. */
export function sessionEndedByChoice(): boolean {
  return endedByChoice;
}

/** Why the last session ended, if it did not end by choice; cleared by the next sign-in. */
export function readEndReason(): string | null {
  return storage()?.getItem(endReasonKey) ?? null;
}
