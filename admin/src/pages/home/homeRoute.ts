import type { ReactNode } from "react";
import type { AccessKey } from "../../access";

/**
 * A page of the admin as the home page lists it. The route table (routes.tsx) passes its routes in, so
 * this page never imports the table that imports it.
 */
export interface HomeRoute {
  path: string;
  title: string;
  frame: string;
  access?: AccessKey;
  icon?: ReactNode;
  /** null: a slot for a feature that has no page yet. */
  page: object | null;
}
