/** The API's sort parameter: `field` ascending or `-field` descending. */
export type SortParam = string | undefined;
export type SortOrder = "ascend" | "descend" | null;

export function sortParamFrom(field: unknown, order: SortOrder | undefined): SortParam {
  if (typeof field !== "string" || !order) return undefined;
  return order === "ascend" ? field : `-${field}`;
}

export function sortOrderFor(sort: SortParam, field: string): SortOrder {
  if (sort === field) return "ascend";
  if (sort === `-${field}`) return "descend";
  return null;
}
