import type { ParameterizedContext } from "koa";
import type { Logger } from "../logger";
import type { Services } from "../services";
import type { Actor } from "../auth/actor";
import type { Feature } from "../features/feature";

export interface AppState {
  requestId: string;
  log: Logger;
  /** Set by authentication; absent on public routes without a token. */
  actor?: Actor;
  sessionId?: string;
}

export interface AppContextExtras {
  services: Services;
  /** The features this app serves (the registry; a test may add one): export sections, deletion steps, payment purposes. */
  features: readonly Feature[];
}

export type AppContext = ParameterizedContext<AppState, AppContextExtras> & { params: Record<string, string>; request: { body?: unknown } };
