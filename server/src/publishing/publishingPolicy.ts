import type { Audience, PublicationStatus } from "@xinyuan/shared";
import type { StaffActor } from "../auth/actor";

/** The parts of a publication the policy looks at. */
export interface PublicationScopeFacts {
  status: PublicationStatus | string;
  ownerSchoolId: string | null;
  createdBy: string | null;
}

const isCounty = (actor: StaffActor) => actor.scope.level === "county";
const has = (actor: StaffActor, role: "editor" | "reviewer" | "centre_admin") => actor.roles.includes(role);

/**
 * Who may do what with content (deny by default):
 * - county editors, reviewers and centre admins see everything; a school's staff see their school's
 *   content; an area's staff see what they wrote;
 * - editors write (draft, or taking published content back to draft), only where they can see it;
 * - county reviewers review and publish; a school's editor publishes (and takes down) their own school's
 *   content once a county reviewer approved it; county editors never publish.
 */
export const publishingPolicy = {
  canSee(actor: StaffActor, item: PublicationScopeFacts): boolean {
    if (isCounty(actor)) return has(actor, "editor") || has(actor, "reviewer") || has(actor, "centre_admin");
    if (actor.scope.level === "school") return item.ownerSchoolId !== null && item.ownerSchoolId === actor.scope.schoolId;
    return item.createdBy === actor.id;
  },
  canEdit(actor: StaffActor, item: PublicationScopeFacts): boolean {
    return has(actor, "editor") && this.canSee(actor, item) && item.status !== "submitted";
  },
  canSubmit(actor: StaffActor, item: PublicationScopeFacts): boolean {
    return has(actor, "editor") && this.canSee(actor, item) && item.status === "draft";
  },
  canReview(actor: StaffActor, item: PublicationScopeFacts): boolean {
    return has(actor, "reviewer") && isCounty(actor) && item.status === "submitted";
  },
  canPublish(actor: StaffActor, item: PublicationScopeFacts): boolean {
    if (item.status !== "approved") return false;
    if (has(actor, "reviewer") && isCounty(actor)) return true;
    return has(actor, "editor") && actor.scope.level === "school" && item.ownerSchoolId === actor.scope.schoolId;
  },
  canArchive(actor: StaffActor, item: PublicationScopeFacts): boolean {
    if (item.status !== "published" && item.status !== "scheduled") return false;
    if (has(actor, "reviewer") && isCounty(actor)) return true;
    return has(actor, "editor") && actor.scope.level === "school" && item.ownerSchoolId === actor.scope.schoolId;
  },
  /**
   * A school's activity report (and its photos, which can show children): county staff every school,
   * area staff their area's schools, school staff their own school.
   */
  canSeeActivityReport(actor: StaffActor, report: { schoolId: string; areaId: string }): boolean {
    if (isCounty(actor)) return true;
    if (actor.scope.level === "area") return actor.scope.areaId === report.areaId;
    return actor.scope.level === "school" && actor.scope.schoolId === report.schoolId;
  },
  /** Campaigns are county-wide. */
  canManageCampaigns(actor: StaffActor): boolean {
    return isCounty(actor) && (has(actor, "editor") || has(actor, "reviewer"));
  },
  /**
   * The audience an editor may target: county editors anything; a school's editor only their school
   * (forced); an area's editor only their area. null when the requested audience is out of reach.
   */
  audienceFor(actor: StaffActor, requested: Audience): { audience: Audience; ownerSchoolId: string | null } | null {
    if (isCounty(actor)) return { audience: requested, ownerSchoolId: null };
    if (actor.scope.level === "school" && actor.scope.schoolId) {
      const own = actor.scope.schoolId;
      if (requested.scope !== "county" && !(requested.scope === "schools" && requested.schoolIds.every((id) => id === own))) return null;
      return { audience: { ...requested, scope: "schools", schoolIds: [own], areaIds: [] }, ownerSchoolId: own };
    }
    if (actor.scope.level === "area" && actor.scope.areaId) {
      const own = actor.scope.areaId;
      if (requested.scope !== "county" && !(requested.scope === "area" && requested.areaIds.every((id) => id === own))) return null;
      return { audience: { ...requested, scope: "area", areaIds: [own], schoolIds: [] }, ownerSchoolId: null };
    }
    return null;
  },
};
