import { randomBytes, randomUUID } from "node:crypto";
import type { ScopeLevel, StaffRole } from "@xinyuan/shared";
import { areas, schools, staff } from "../../server/src/db/schema";
import type { Database } from "../../server/src/db/database";
import { createFieldCipher, type FieldCipher } from "../../server/src/crypto/fieldCipher";
import { loadConfig } from "../../server/src/config";
import { hashPassword } from "../../server/src/auth/password";
import { newTotpSecret } from "../../server/src/auth/totp";
import { sealed } from "../../server/src/crypto/sealedColumns";

/** Factories create their own parents: buildSchool() makes an area unless given one. */
const totpRequiredByDefault: StaffRole[] = ["centre_admin", "supervisor"];
let cachedCipher: FieldCipher | undefined;
/** The cipher of a test app started without FIELD_ENCRYPTION_KEYS (the demo key every test server uses). */
const testCipher = () => (cachedCipher ??= createFieldCipher(loadConfig({ NODE_ENV: "test", WECHAT_API_BASE: "http://127.0.0.1:9" }).fieldKeys));
const unique = () => randomBytes(3).toString("hex");

export async function buildArea(db: Database, props: { name?: string } = {}) {
  const [row] = await db.insert(areas).values({ name: props.name ?? `测试片区-${unique()}` }).returning();
  return row!;
}

export async function buildSchool(db: Database, props: { name?: string; areaId?: string; stage?: string } = {}) {
  const areaId = props.areaId ?? (await buildArea(db)).id;
  const [row] = await db
    .insert(schools)
    .values({ name: props.name ?? `测试学校-${unique()}`, stage: props.stage ?? "junior", areaId })
    .returning();
  return row!;
}

export interface BuiltStaff {
  id: string;
  username: string;
  password: string;
  totpSecret: string | null;
  roles: StaffRole[];
  areaId: string | null;
  schoolId: string | null;
}

/**
 * A staff member with a known password. scope "school" creates a school (and area) unless given;
 * withTotp enrols a TOTP secret (encrypted with the app's cipher). Roles that must have a second factor
 * by default (centre_admin, supervisor) are enrolled with the test key unless withTotp is false, so a
 * session of theirs is usable, as a real one is only after enrolment.
 */
export async function buildStaff(
  db: Database,
  props: {
    roles?: StaffRole[];
    scope?: ScopeLevel;
    areaId?: string;
    schoolId?: string;
    mustChangePassword?: boolean;
    withTotp?: { cipher: FieldCipher } | false;
    status?: "active" | "disabled";
    displayName?: string;
  } = {},
): Promise<BuiltStaff> {
  const scope = props.scope ?? "county";
  let areaId = props.areaId ?? null;
  let schoolId = props.schoolId ?? null;
  if (scope === "school" && !schoolId) {
    const school = await buildSchool(db, { areaId: areaId ?? undefined });
    schoolId = school.id;
    areaId = school.areaId;
  }
  if (scope === "area" && !areaId) areaId = (await buildArea(db)).id;
  if (scope === "county") {
    areaId = null;
    schoolId = null;
  }
  const password = `Pw-${unique()}-1234`;
  const roles = props.roles ?? ["counsellor"];
  const cipher = props.withTotp === false ? undefined : props.withTotp?.cipher ?? (roles.some((role) => totpRequiredByDefault.includes(role)) ? testCipher() : undefined);
  const totpSecret = cipher ? newTotpSecret() : null;
  const staffId = randomUUID();
  const [row] = await db
    .insert(staff)
    .values({
      id: staffId,
      username: `staff_${unique()}`,
      displayName: props.displayName ?? `测试老师${unique()}`,
      passwordHash: await hashPassword(password),
      roles,
      scopeLevel: scope,
      areaId,
      schoolId,
      status: props.status ?? "active",
      mustChangePassword: props.mustChangePassword ?? false,
      totpSecretEnc: totpSecret && cipher ? cipher.encrypt(totpSecret, sealed.staffTotpSecret.at({ id: staffId })) : null,
    })
    .returning();
  return { id: row!.id, username: row!.username, password, totpSecret, roles, areaId, schoolId };
}
