import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const areas = pgTable("areas", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  /** The 片区 centre school whose counsellors serve schools without their own. */
  centreSchoolId: uuid("centre_school_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const schools = pgTable("schools", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  stage: text("stage").notNull(),
  areaId: uuid("area_id").notNull().references(() => areas.id),
  hasFullTimeCounsellor: boolean("has_full_time_counsellor").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
