import type { Dayjs } from "dayjs";
import { countyIsoOfPicked } from "../../countyTime";
import type { AuditQuery } from "./service";

/** What the search form holds; turned into the API's query by auditQueryFrom. */
export interface AuditFilterForm {
  actor?: { value: string; label: string };
  action?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export type AuditFilters = Omit<AuditQuery, "page" | "pageSize" | "sort">;

const trimmed = (value: string | undefined) => value?.trim() || undefined;

/** Dates go out as ISO 8601 with an offset (the server's schema requires one): the picked wall-clock time in the county, +08:00, whatever the browser's zone. */
export function auditQueryFrom(form: AuditFilterForm): AuditFilters {
  const [from, to] = form.range ?? [null, null];
  return {
    actorId: form.actor?.value,
    action: trimmed(form.action),
    targetType: trimmed(form.targetType),
    targetId: trimmed(form.targetId),
    from: from ? countyIsoOfPicked(from.startOf("minute")) : undefined,
    to: to ? countyIsoOfPicked(to.endOf("minute")) : undefined,
  };
}
