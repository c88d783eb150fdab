import { and, desc, eq, type SQL } from "drizzle-orm";
import type { EventSignupStaffView, PublicationStaffView, PublicationStatus, PublicationVersionView } from "@xinyuan/shared";
import { appUsers, eventSignups, publicationVersions, publications, staff } from "../db/schema";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import { NotFoundError } from "../http/errors";
import { publishingPolicy } from "./publishingPolicy";
import { presentPublicationStaff, type PublicationRow } from "./presentPublication";
import { sealed } from "../crypto/sealedColumns";

const none = "00000000-0000-0000-0000-000000000000";

/** The rows a staff member may see, as a WHERE clause (the same rule as publishingPolicy.canSee). */
function visibleTo(actor: StaffActor): SQL | undefined {
  if (actor.scope.level === "county") return undefined;
  if (actor.scope.level === "school") return eq(publications.ownerSchoolId, actor.scope.schoolId ?? none);
  return eq(publications.createdBy, actor.id);
}

/** What the viewer may do with the row now (the admin shows only these buttons). */
function capabilities(actor: StaffActor, row: PublicationRow): PublicationStaffView["can"] {
  return {
    edit: publishingPolicy.canEdit(actor, row),
    submit: publishingPolicy.canSubmit(actor, row),
    review: publishingPolicy.canReview(actor, row),
    publish: publishingPolicy.canPublish(actor, row),
    archive: publishingPolicy.canArchive(actor, row),
  };
}

export async function presentForStaff(services: Services, actor: StaffActor, row: PublicationRow): Promise<PublicationStaffView> {
  const [author] = row.createdBy ? await services.db.select({ name: staff.displayName }).from(staff).where(eq(staff.id, row.createdBy)).limit(1) : [];
  return presentPublicationStaff(row, services.config, {
    createdByName: author?.name ?? "",
    can: capabilities(actor, row),
  });
}

export async function listPublicationsForStaff(services: Services, actor: StaffActor, query: { status?: PublicationStatus; kind?: string; campaignId?: string }): Promise<PublicationStaffView[]> {
  const conditions = [visibleTo(actor)];
  if (query.status) conditions.push(eq(publications.status, query.status));
  if (query.kind) conditions.push(eq(publications.kind, query.kind));
  if (query.campaignId) conditions.push(eq(publications.campaignId, query.campaignId));
  const rows = await services.db
    .select({ row: publications, author: staff.displayName })
    .from(publications)
    .leftJoin(staff, eq(staff.id, publications.createdBy))
    .where(and(...conditions))
    .orderBy(desc(publications.updatedAt))
    .limit(200);
  return rows.map(({ row, author }) =>
    presentPublicationStaff(row, services.config, {
      createdByName: author ?? "",
      can: capabilities(actor, row),
    }),
  );
}

/** One row the staff member may see, else 404 (never 403: existence is not revealed across scopes). */
export async function visiblePublication(services: Services, actor: StaffActor, id: string): Promise<PublicationRow> {
  const [row] = await services.db.select().from(publications).where(eq(publications.id, id)).limit(1);
  if (!row || !publishingPolicy.canSee(actor, row)) throw NotFoundError("PUBLICATION_NOT_FOUND");
  return row;
}

export async function publicationVersionList(services: Services, id: string): Promise<PublicationVersionView[]> {
  const rows = await services.db
    .select({ version: publicationVersions, name: staff.displayName, snapshot: publicationVersions.snapshot })
    .from(publicationVersions)
    .leftJoin(staff, eq(staff.id, publicationVersions.byStaffId))
    .where(eq(publicationVersions.publicationId, id))
    .orderBy(desc(publicationVersions.createdAt), desc(publicationVersions.version));
  return rows.map(({ version, name, snapshot }) => ({
    version: version.version,
    action: version.action,
    comment: version.comment,
    title: (snapshot as { title?: string } | null)?.title ?? null,
    byName: name ?? "系统",
    at: version.createdAt.toISOString(),
  }));
}

/** Who signed up (aliases only; notes decrypted for the organisers). */
export async function eventSignupList(services: Services, id: string): Promise<EventSignupStaffView[]> {
  const rows = await services.db
    .select({ signup: eventSignups, alias: appUsers.alias })
    .from(eventSignups)
    .leftJoin(appUsers, eq(appUsers.id, eventSignups.userId))
    .where(eq(eventSignups.publicationId, id))
    .orderBy(eventSignups.createdAt);
  return rows.map(({ signup, alias }) => ({
    id: signup.id,
    alias: alias ?? "已注销用户",
    status: signup.status as "active" | "cancelled",
    note: signup.noteEnc ? services.cipher.decrypt(signup.noteEnc, sealed.eventSignupNote.at(signup)) : "",
    createdAt: signup.createdAt.toISOString(),
  }));
}
