import { randomBytes } from "node:crypto";
import type { ScopeLevel, StaffRole } from "@xinyuan/shared";
import { areas, schools, staff } from "../../server/src/db/schema";
import type { Database } from "../../server/src/db/database";
import type { FieldCipher } from "../../server/src/crypto/fieldCipher";
import { hashPassword } from "../../server/src/auth/password";
import { newTotpSecret } from "../../server/src/auth/totp";

/** Factories create their own parents: buildSchool() makes an area unless given one. */
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
 * withTotp enrols a TOTP secret (encrypted with the app's cipher).
 */
export async function buildStaff(
  db: Database,
  props: {
    roles?: StaffRole[];
    scope?: ScopeLevel;
    areaId?: string;
    schoolId?: string;
    mustChangePassword?: boolean;
    withTotp?: { cipher: FieldCipher };
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
  const totpSecret = props.withTotp ? newTotpSecret() : null;
  const roles = props.roles ?? ["counsellor"];
  const [row] = await db
    .insert(staff)
    .values({
      username: `staff_${unique()}`,
      displayName: props.displayName ?? `测试老师${unique()}`,
      passwordHash: await hashPassword(password),
      roles,
      scopeLevel: scope,
      areaId,
      schoolId,
      status: props.status ?? "active",
      mustChangePassword: props.mustChangePassword ?? false,
      totpSecretEnc: totpSecret && props.withTotp ? props.withTotp.cipher.encrypt(totpSecret) : null,
    })
    .returning();
  return { id: row!.id, username: row!.username, password, totpSecret, roles, areaId, schoolId };
}
