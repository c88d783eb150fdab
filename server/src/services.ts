import type { Config } from "./config";
import type { Database } from "./db/database";
import type { Logger } from "./logger";
import type { FieldCipher } from "./crypto/fieldCipher";
import type { IdentityHasher } from "./crypto/identityHasher";
import type { WechatApiClient } from "./wechat/wechatApiClient";
import type { Clock } from "./clock";
import type { Realtime } from "./realtime/realtime";
import type { WechatPayClient } from "./payments/wechatPayClient";

/** What handlers and commands need from the process, built once at start-up and passed down. */
export interface Services {
  config: Config;
  db: Database;
  dbKind: "pglite" | "postgres";
  log: Logger;
  cipher: FieldCipher;
  hashIdentity: IdentityHasher;
  wechat: WechatApiClient;
  /** WeChat Pay (wrapped wechatpay-node-v3: host from config, responses signature-checked). */
  wechatPay: WechatPayClient;
  clock: Clock;
  realtime: Realtime;
}
