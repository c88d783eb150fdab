import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areas, schools } from "./directory";

export const staff = pgTable("staff", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  roles: text("roles").array().notNull(),
  scopeLevel: text("scope_level").notNull(),
  areaId: uuid("area_id").references(() => areas.id),
  schoolId: uuid("school_id").references(() => schools.id),
  status: text("status").notNull().default("active"),
  mustChangePassword: boolean("must_change_password").notNull().default(true),
  /** Encrypted (fieldCipher) TOTP secret once enrolled; the pending one while enrolling. */
  totpSecretEnc: text("totp_secret_enc"),
  totpPendingSecretEnc: text("totp_pending_secret_enc"),
  /** Last accepted TOTP time step, so a code cannot be replayed. */
  totpLastStep: integer("totp_last_step"),
  /** Wrong current passwords in a row on the password-change screen (sign-in failures live in sign_in_failures). */
  failedLoginCount: integer("failed_login_count").notNull().default(0),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Failed staff sign-ins per (typed username, client address) pair, shared by every server process. A pair
 * past its free failures is slowed until slow_until (growing waits, 429 with Retry-After); nothing locks
 * the account for everyone. The typed username is kept only as a keyed hash (it may be a password typed
 * into the wrong field), the address as its rate-limit key (IPv6 by /64). Rows go once quiet for a day.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    usernameHash: text("username_hash").notNull(),
    clientKey: text("client_key").notNull(),
    failures: integer("failures").notNull().default(0),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
    slowUntil: timestamp("slow_until", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.usernameHash, table.clientKey] }), index("sign_in_failures_last_failure_idx").on(table.lastFailureAt)],
);

/** Mini-program users. The openid is kept only as a keyed hash; staff only ever see the alias. */
export const appUsers = pgTable("app_users", {
  id: uuid("id").primaryKey().defaultRandom(),
  openidHash: text("openid_hash").unique(),
  alias: text("alias").notNull().unique(),
  role: text("role"),
  ageBand: text("age_band"),
  schoolId: uuid("school_id").references(() => schools.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Set when the user deleted their account: identity erased, records the law keeps stay detached. */
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
});

export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => appUsers.id),
    kind: text("kind").notNull(),
    version: text("version").notNull(),
    givenAt: timestamp("given_at", { withTimezone: true }).notNull().defaultNow(),
    guardianRelation: text("guardian_relation"),
    guardianNameEnc: text("guardian_name_enc"),
    /** Guardian consent only: typed (name typed on the child's phone) | invitation (confirmed in the guardian's own WeChat). */
    method: text("method"),
    /** The guardian's own mini-program account, when they confirmed an invitation. */
    guardianUserId: uuid("guardian_user_id"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (table) => [index("consents_user_idx").on(table.userId, table.kind)],
);

/**
 * A child's invitation to a guardian to consent in their own WeChat. Only the token's SHA-256 is stored;
 * the token is single use (status leaves pending once) and short-lived (expires_at). The guardian's account
 * is recorded when they confirm or decline, and may never be the child's own account.
 */
export const guardianInvitations = pgTable(
  "guardian_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    childUserId: uuid("child_user_id").notNull().references(() => appUsers.id),
    /** pending | confirmed | declined | cancelled */
    status: text("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    guardianUserId: uuid("guardian_user_id").references(() => appUsers.id),
    guardianRelation: text("guardian_relation"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    consentId: uuid("consent_id"),
  },
  (table) => [index("guardian_invitations_child_idx").on(table.childUserId, table.createdAt)],
);

/** Sessions of staff and of mini-program users; only the token's SHA-256 is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("sessions_token_idx").on(table.tokenHash), index("sessions_subject_idx").on(table.subjectType, table.subjectId)],
);
