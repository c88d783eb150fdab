import { generateKeyPairSync, randomBytes } from "node:crypto";
import { ConfigError, demoSecrets, loadConfig } from "../../server/src/config";

const realKey = () => `k2026:${randomBytes(32).toString("base64")}`;
const pemPair = () => {
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString() };
};
const merchantKeys = pemPair();
/** A merchant's real-shaped WeChat Pay settings (production refuses to start without them). */
const productionWechatPay = {
  WECHATPAY_APPID: "wx0123456789abcdef",
  WECHATPAY_MCHID: "1900000109",
  WECHATPAY_MERCHANT_SERIAL: randomBytes(20).toString("hex").toUpperCase(),
  WECHATPAY_MERCHANT_PRIVATE_KEY: merchantKeys.privateKey,
  WECHATPAY_MERCHANT_PUBLIC_KEY: merchantKeys.publicKey,
  WECHATPAY_PLATFORM_PUBLIC_KEY: pemPair().publicKey,
  WECHATPAY_PLATFORM_SERIAL: "PUB_KEY_ID_0114232134912410000000000000",
  WECHATPAY_APIV3_KEY: randomBytes(16).toString("hex"),
};
const productionEnvironment = () => ({
  NODE_ENV: "production",
  FIELD_ENCRYPTION_KEYS: realKey(),
  IDENTITY_HASH_KEY: randomBytes(32).toString("hex"),
  WECHAT_SECRET: randomBytes(16).toString("hex"),
  WECHAT_API_BASE: "https://api.weixin.qq.com",
  ...productionWechatPay,
});

function failureOf(environment: NodeJS.ProcessEnv): string {
  try {
    loadConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("configuration was accepted");
}

describe("config.load", () => {
  it("refuses to start with the published demo keys unless demo, development or test is said", () => {
    expect(failureOf({})).toContain("FIELD_ENCRYPTION_KEYS: required");
    expect(loadConfig({ XINYUAN_DEMO: "true" }).fieldKeys[0]!.key).toHaveLength(32);
  });

  it("starts in development with defaults and demo keys", () => {
    const config = loadConfig({ NODE_ENV: "development" });
    expect(config).toMatchObject({ env: "development", port: 3000, dataDir: "./data", databaseUrl: undefined, sessions: { staffIdleMinutes: 30, userDays: 30 } });
    expect(config.fieldKeys[0]!.key).toHaveLength(32);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/xinyuan"],
    ["FIELD_ENCRYPTION_KEYS", "k1:tooshort"],
    ["IDENTITY_HASH_KEY", "short"],
    ["WECHAT_API_BASE", "not a url"],
    ["NODE_ENV", "staging"],
    ["XINYUAN_DEMO", "yes"],
    ["STAFF_IDLE_MINUTES", "-5"],
    ["LOG_LEVEL", "loud"],
  ])("names %s when it is %s", (name, value) => {
    expect(failureOf({ [name]: value })).toContain(`${name}:`);
  });

  it.each(["FIELD_ENCRYPTION_KEYS", "IDENTITY_HASH_KEY", "WECHAT_SECRET"])("requires %s in production", (name) => {
    const environment: NodeJS.ProcessEnv = productionEnvironment();
    delete environment[name];
    expect(failureOf(environment)).toContain(`${name}: required`);
  });

  it("accepts production with real keys and the real WeChat host, newest key first", () => {
    const environment = productionEnvironment();
    const older = realKey().replace("k2026", "k2025");
    const config = loadConfig({ ...environment, FIELD_ENCRYPTION_KEYS: `${environment.FIELD_ENCRYPTION_KEYS},${older}` });
    expect(config.env).toBe("production");
    expect(config.fieldKeys.map((key) => key.id)).toEqual(["k2026", "k2025"]);
  });

  it.each([
    ["FIELD_ENCRYPTION_KEYS", { FIELD_ENCRYPTION_KEYS: demoSecrets.fieldKey }],
    ["IDENTITY_HASH_KEY", { IDENTITY_HASH_KEY: demoSecrets.identityHashKey }],
    ["WECHAT_SECRET", { WECHAT_SECRET: demoSecrets.wechatAppSecret }],
    ["WECHAT_API_BASE", { WECHAT_API_BASE: "http://127.0.0.1:4100" }],
    ["WECHAT_API_BASE", { WECHAT_API_BASE: "http://localhost:4100" }],
    ["XINYUAN_DEMO", { XINYUAN_DEMO: "true" }],
  ])("refuses the demo %s in production", (name, override) => {
    const message = failureOf({ ...productionEnvironment(), ...override });
    expect(message).toMatch(/refusing demo settings in production/);
    expect(message).toContain(`${name}:`);
  });
});
