import type { Config } from "./config";
import { createLogger, type Logger } from "./logger";
import { createFieldCipher } from "./crypto/fieldCipher";
import { createIdentityHasher } from "./crypto/identityHasher";
import { createWechatApiClient, type WechatApiClient } from "./wechat/wechatApiClient";
import { systemClock, type Clock } from "./clock";
import { createWechatPayClient } from "./payments/wechatPayClient";
import { silentRealtime } from "./realtime/realtime";
import type { OpenDatabase } from "./db/openDatabase";
import type { Services } from "./services";

export interface ServiceOverrides {
  log?: Logger;
  clock?: Clock;
  wechat?: WechatApiClient;
}

/** Everything a handler needs, made once per process (or per test app). */
export function buildServices(config: Config, database: OpenDatabase, overrides: ServiceOverrides = {}): Services {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.log ?? createLogger(config.logLevel);
  return {
    config,
    db: database.db,
    dbKind: database.kind,
    log,
    // a value that does not open where it is read was tampered with or moved: an integrity incident, logged without its content
    cipher: createFieldCipher(config.fieldKeys, { legacyReadable: config.fieldLegacyReadable, onBroken: (error) => log.error({ place: error.place }, "sealed value does not open at its place") }),
    hashIdentity: createIdentityHasher(config.identityHashKey),
    wechat: overrides.wechat ?? createWechatApiClient(config.wechat),
    // Real time on purpose: the library signs requests with the wall clock, so responses are checked against it too.
    wechatPay: createWechatPayClient(config.wechatPay, () => new Date()),
    clock,
    realtime: silentRealtime,
  };
}
