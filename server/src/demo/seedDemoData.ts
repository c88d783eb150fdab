import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { ScopeLevel, StaffRole } from "@xinyuan/shared";
import { areas, schools, staff } from "../db/schema";
import type { Services } from "../services";
import type { AuditOrigin } from "../audit/recordAudit";
import { loadStaffActor } from "../auth/resolveActor";
import { hashPassword } from "../auth/password";
import { seedDemoMailboxes } from "../letters/demoMailboxes";
import { seedDemoRoster } from "../hotline/roster/demoRoster";
import { seedDemoAppointments } from "../appointments/demoAppointments";
import { seedDemoMayMonth } from "../publishing/demoMayMonth";
import { newTotpSecret, otpauthUrl } from "../auth/totp";
import { demoAreas } from "./quCountyDirectory";
import { sealed } from "../crypto/sealedColumns";

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  roles: StaffRole[];
  scopeLevel: ScopeLevel;
  schoolName?: string;
  areaName?: string;
  /** DEMO: the TOTP secret of roles that must sign in with two factors (null for the others). */
  totpSecret: string | null;
  /** The same secret as an otpauth:// URI an authenticator app can import. */
  otpauthUrl?: string;
}

const demoStaff: Array<Omit<DemoAccount, "password" | "totpSecret" | "otpauthUrl">> = [
  { username: "admin", displayName: "县心理中心管理员", roles: ["centre_admin"], scopeLevel: "county" },
  { username: "supervisor", displayName: "王督导", roles: ["supervisor", "counsellor"], scopeLevel: "county" },
  { username: "hotline", displayName: "李老师（热线值班）", roles: ["counsellor"], scopeLevel: "county" },
  { username: "hotline2", displayName: "孙老师（热线值班）", roles: ["counsellor"], scopeLevel: "county" },
  { username: "counsellor", displayName: "张老师（渠县中学）", roles: ["counsellor"], scopeLevel: "school", schoolName: "渠县中学" },
  { username: "area", displayName: "陈老师（渠北片区）", roles: ["counsellor"], scopeLevel: "area", areaName: "渠北片区" },
  { username: "editor", displayName: "刘编辑", roles: ["editor"], scopeLevel: "county" },
  { username: "reviewer", displayName: "赵审核", roles: ["reviewer"], scopeLevel: "county" },
  { username: "expert", displayName: "周专家（达州市心理卫生中心）", roles: ["expert"], scopeLevel: "county" },
];

/** The demo counsellors who take turns on the hotline rota (county scope, so eligible for shifts). */
const demoHotlineRota = ["hotline", "hotline2", "supervisor"] as const;

/**
 * Loads the 渠县 demo directory and one account per role, once (a second call finds them and returns
 * nothing new), then what a visitor would otherwise find empty: the hotline rota, mailboxes, counselling
 * rooms and experts with slots, and the May month's content. Passwords (and the TOTP secrets of
 * two-factor roles) are random and returned so the demo start prints them once.
 */
export async function seedDemoData(services: Services): Promise<DemoAccount[]> {
  const { db } = services;
  const existing = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, "admin")).limit(1);
  if (existing.length > 0) return [];

  const areaIds = new Map<string, string>();
  const schoolIds = new Map<string, string>();
  for (const area of demoAreas) {
    const [areaRow] = await db.insert(areas).values({ name: area.name }).returning({ id: areas.id });
    areaIds.set(area.name, areaRow!.id);
    for (const school of area.schools) {
      const [schoolRow] = await db.insert(schools).values({ ...school, areaId: areaRow!.id }).returning({ id: schools.id });
      schoolIds.set(school.name, schoolRow!.id);
    }
    await db.update(areas).set({ centreSchoolId: schoolIds.get(area.centreSchool) ?? null }).where(eq(areas.id, areaRow!.id));
  }

  const accounts: DemoAccount[] = [];
  const staffIds = new Map<string, string>();
  for (const account of demoStaff) {
    const password = `Demo-${randomBytes(4).toString("hex")}9`;
    // Supervisors and centre admins must have a second factor (requireTotpForRoles); the demo enrols them.
    const totpSecret = account.roles.some((role) => role === "centre_admin" || role === "supervisor") ? newTotpSecret() : null;
    const schoolId = account.schoolName ? schoolIds.get(account.schoolName) ?? null : null;
    const areaId = account.areaName
      ? areaIds.get(account.areaName) ?? null
      : account.schoolName
        ? areaIds.get(demoAreas.find((area) => area.schools.some((school) => school.name === account.schoolName))!.name) ?? null
        : null;
    const staffId = randomUUID();
    const [staffRow] = await db.insert(staff).values({
      id: staffId,
      username: account.username,
      displayName: account.displayName,
      passwordHash: await hashPassword(password),
      roles: account.roles,
      scopeLevel: account.scopeLevel,
      areaId,
      schoolId,
      mustChangePassword: false,
      totpSecretEnc: totpSecret ? services.cipher.encrypt(totpSecret, sealed.staffTotpSecret.at({ id: staffId })) : null,
    }).returning({ id: staff.id });
    staffIds.set(account.username, staffRow!.id);
    accounts.push({ ...account, password, totpSecret, ...(totpSecret ? { otpauthUrl: otpauthUrl(totpSecret, account.username) } : {}) });
  }
  const asStaff = (id: string): AuditOrigin => ({ actorType: "staff", actorId: id, ip: null, requestId: null });
  const adminId = staffIds.get("admin")!;
  await seedDemoRoster({ services, counsellorIds: demoHotlineRota.map((username) => staffIds.get(username)!), createdBy: adminId, origin: asStaff(adminId) });
  await seedDemoMailboxes(db, {
    areaIds,
    schoolIds,
    schoolsWithCounsellor: demoAreas.flatMap((area) => area.schools.filter((school) => school.hasFullTimeCounsellor).map((school) => school.name)),
    staffIds,
    schoolOfStaff: new Map(demoStaff.filter((account) => account.schoolName).map((account) => [account.username, account.schoolName!])),
  });
  await seedDemoAppointments({ services, schoolIds, staffIds, origin: asStaff(adminId) });
  const actorOf = async (username: string) => (await loadStaffActor(db, staffIds.get(username)!))!;
  await seedDemoMayMonth({ services, editor: await actorOf("editor"), reviewer: await actorOf("reviewer"), origin: (actor) => asStaff(actor.id) });
  return accounts;
}
