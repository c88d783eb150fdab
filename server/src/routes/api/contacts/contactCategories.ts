import { eq } from "drizzle-orm";
import { apiRoutes, type ContactCategoryTreeView, type ContactCategoryView } from "@xinyuan/shared";
import { mountRoute, type AppRouter } from "../../../http/mountRoute";
import { AppError } from "../../../http/errors";
import { authorize } from "../../../access/authorize";
import { canEditContactTaxonomy, canReadContactTaxonomy } from "../../../contacts/contactPolicy";
import { originOf, recordAudit } from "../../../audit/recordAudit";
import { contactCategories } from "../../../db/schema";
import { loadContactCategoryTree, presentContactCategory } from "../../../contacts/contactCategoryViews";
import { randomBytes } from "node:crypto";

/** The reasons-for-contact taxonomy: read by counsellors, edited by county centre admins. */
export function mountContactCategoryRoutes(router: AppRouter): void {
  mountRoute(router, apiRoutes.listContactCategories, async (ctx): Promise<ContactCategoryTreeView[]> => {
    authorize(canReadContactTaxonomy(ctx.state.actor));
    const includeInactive = ctx.query.all === "1" && canEditContactTaxonomy(ctx.state.actor);
    return loadContactCategoryTree(ctx.services.db, includeInactive);
  });

  mountRoute(router, apiRoutes.createContactCategory, async (ctx, { body }): Promise<ContactCategoryView> => {
    authorize(canEditContactTaxonomy(ctx.state.actor));
    const row = await ctx.services.db.transaction(async (tx) => {
      let parentCode: string | null = null;
      if (body.parentId) {
        const [parent] = await tx.select().from(contactCategories).where(eq(contactCategories.id, body.parentId)).limit(1);
        if (!parent) throw new AppError(404, "CONTACT_CATEGORY_NOT_FOUND");
        if (parent.parentId !== null) throw new AppError(400, "CONTACT_CATEGORY_DEPTH");
        parentCode = parent.code;
      }
      const code = `${parentCode ?? "custom"}.c${randomBytes(4).toString("hex")}`;
      const [inserted] = await tx
        .insert(contactCategories)
        .values({ code, name: body.name, parentId: body.parentId ?? null, sortOrder: body.sortOrder ?? 1000 })
        .returning();
      await recordAudit(tx, originOf(ctx), { action: "contact_category.create", targetType: "contact_category", targetId: inserted!.id, detail: { name: body.name } });
      return inserted!;
    });
    ctx.status = 201;
    return presentContactCategory(row);
  });

  mountRoute(router, apiRoutes.updateContactCategory, async (ctx, { body, params }): Promise<ContactCategoryView> => {
    authorize(canEditContactTaxonomy(ctx.state.actor));
    const id = params.id ?? "";
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError(404, "CONTACT_CATEGORY_NOT_FOUND");
    const row = await ctx.services.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(contactCategories)
        .set({ ...body, updatedAt: ctx.services.clock.now() })
        .where(eq(contactCategories.id, id))
        .returning();
      if (!updated) throw new AppError(404, "CONTACT_CATEGORY_NOT_FOUND");
      await recordAudit(tx, originOf(ctx), { action: "contact_category.update", targetType: "contact_category", targetId: id, detail: body });
      return updated;
    });
    return presentContactCategory(row);
  });
}
