import type { z } from "zod";
import type { StaffRole } from "../roles";

/** Who may call a route at all; finer checks are the server's policies. */
export type RouteAudience = "public" | "staff" | "user";

/**
 * One HTTP route's contract, shared by the server (validation, OpenAPI) and the clients (typed calls).
 * Paths use Koa style parameters (`/letters/:id`) and are relative to /api/v1.
 */
export interface RouteContract<
  TBody extends z.ZodType | undefined = z.ZodType | undefined,
  TQuery extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: string;
  summary: string;
  tag: string;
  audience: RouteAudience;
  /**
   * Staff routes: the roles that may call it at all, checked before the input is read (deny by default).
   * Object-level checks (scope, ownership) still happen in the handler's policy.
   */
  roles?: readonly StaffRole[];
  body?: TBody;
  query?: TQuery;
}

export function defineRoute<TBody extends z.ZodType | undefined = undefined, TQuery extends z.ZodType | undefined = undefined>(
  contract: RouteContract<TBody, TQuery>,
): RouteContract<TBody, TQuery> {
  return contract;
}

export type BodyOf<C> = C extends RouteContract<infer B, z.ZodType | undefined> ? (B extends z.ZodType ? z.infer<B> : undefined) : never;
export type QueryOf<C> = C extends RouteContract<z.ZodType | undefined, infer Q> ? (Q extends z.ZodType ? z.input<Q> : undefined) : never;

/** A page of a server-side paginated, sorted, filtered list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
