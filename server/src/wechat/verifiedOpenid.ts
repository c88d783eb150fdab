import { eq } from "drizzle-orm";
import type { ErrorCode } from "@xinyuan/shared";
import { appUsers } from "../db/schema";
import type { Services } from "../services";
import { AppError } from "../http/errors";

/**
 * Turns a fresh wx.login code into the openid and checks it belongs to this account (accounts keep only
 * a keyed hash of the openid). Used where the user opts in to a WeChat reminder: the openid is the only
 * address a subscribe message can go to. Any failure answers 400 with `failure`.
 */
export async function verifiedOpenid(services: Services, userId: string, code: string, failure: ErrorCode): Promise<string> {
  let openid: string;
  try {
    ({ openid } = await services.wechat.code2Session(code));
  } catch {
    throw new AppError(400, failure);
  }
  const [account] = await services.db.select({ openidHash: appUsers.openidHash }).from(appUsers).where(eq(appUsers.id, userId)).limit(1);
  if (!account?.openidHash || account.openidHash !== services.hashIdentity("wechat-openid", openid)) throw new AppError(400, failure);
  return openid;
}
