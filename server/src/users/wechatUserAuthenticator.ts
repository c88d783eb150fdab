import { eq } from "drizzle-orm";
import { appUsers } from "../db/schema/index";
import type { Services } from "../services";
import type { AuditOrigin } from "../audit/recordAudit";
import { recordAudit } from "../audit/recordAudit";
import { startSession } from "../auth/sessionStore";
import { randomAlias } from "./userAlias";

const aliasAttempts = 12;

/**
 * Signs a mini-program user in with a wx.login code: code2Session gives the openid, which is only ever
 * kept as a keyed hash. The first login creates the user with a random alias that stays for good; a
 * deleted account has no hash any more, so logging in again starts a new user with a new alias.
 */
export async function wechatUserAuthenticator(props: {
  services: Services;
  code: string;
  origin: Omit<AuditOrigin, "actorType" | "actorId">;
}): Promise<{ userId: string; token: string; expiresAt: Date; created: boolean }> {
  const { services, code, origin } = props;
  const { db, clock, config } = services;
  const { openid } = await services.wechat.code2Session(code);
  const openidHash = services.hashIdentity("wechat-openid", openid);
  const { userId, created } = await findOrCreateUser(services, openidHash);

  const now = clock.now();
  const expiresAt = new Date(now.getTime() + config.sessions.userDays * 86_400_000);
  return db.transaction(async (tx) => {
    const session = await startSession(tx, { type: "user", id: userId }, now, expiresAt);
    await recordAudit(tx, { ...origin, actorType: "user", actorId: userId }, { action: "user.login", targetType: "app_user", targetId: userId, detail: { firstLogin: created } });
    return { userId, token: session.token, expiresAt, created };
  });
}

/**
 * Inserts with ON CONFLICT DO NOTHING so neither a concurrent first login of the same person nor an alias
 * collision aborts anything: nothing inserted and a row for the hash means someone else created it;
 * nothing inserted and no row means the alias was taken, so try another.
 */
async function findOrCreateUser(services: Services, openidHash: string): Promise<{ userId: string; created: boolean }> {
  const { db, clock } = services;
  const findByHash = async () => (await db.select({ id: appUsers.id }).from(appUsers).where(eq(appUsers.openidHash, openidHash)).limit(1))[0];
  const existing = await findByHash();
  if (existing) return { userId: existing.id, created: false };
  for (let attempt = 0; attempt < aliasAttempts; attempt += 1) {
    const [inserted] = await db
      .insert(appUsers)
      .values({ openidHash, alias: randomAlias(), createdAt: clock.now() })
      .onConflictDoNothing()
      .returning({ id: appUsers.id });
    if (inserted) return { userId: inserted.id, created: true };
    const raced = await findByHash();
    if (raced) return { userId: raced.id, created: false };
  }
  throw new Error("could not find a free alias");
}
