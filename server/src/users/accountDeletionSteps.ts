import type { DbOrTx } from "../db/database";
import type { Services } from "../services";

export interface AccountDeletionProps {
  /** The deletion's transaction: a step that fails rolls the whole deletion back. */
  tx: DbOrTx;
  services: Services;
  userId: string;
  now: Date;
}

/** What a step wants done once the deletion has committed (tell counsellors, announce the queue). */
export type AfterDeletion = () => void | Promise<void>;

/**
 * One feature's part of deleting an account: erase what it may erase, detach what the law keeps. It may
 * return work for after the commit; that runs only if the whole deletion committed, and never fails it.
 */
export interface AccountDeletionStep {
  name: string;
  run(props: AccountDeletionProps): Promise<void | AfterDeletion>;
}

