import { createCipheriv, generateKeyPairSync, randomBytes } from "node:crypto";
import { loadConfig } from "../config";
import { createWechatPayClient } from "./wechatPayClient";
import { decryptResource, ResourceDecryptError } from "./wechatPayCrypto";
import { WechatPayError } from "./wechatPayHttp";
import { loadWechatPayConfig } from "./wechatPayConfig";
import { startFakeWechatPay, type FakeWechatPay } from "../../../tests/fakes/fakeWechatPayServer";

describe("the wrapped WeChat Pay client against the fake", () => {
  let fake: FakeWechatPay;
  beforeAll(async () => {
    fake = await startFakeWechatPay();
  });
  afterAll(() => fake.close());
  const client = () => createWechatPayClient(loadWechatPayConfig(fake.environment(), { allowGenerated: false }), () => new Date());
  const order = (outTradeNo: string) => ({ outTradeNo, description: "专家咨询", amountFen: 20000, payerOpenid: "o-parent", expiresAt: new Date(Date.now() + 600_000) });

  it("creates a JSAPI order on the configured host, signed so the fake accepts it, and returns paySign", async () => {
    const params = await client().createJsapiOrder(order("A1"));
    expect(params.package).toMatch(/^prepay_id=wx/);
    expect(params.paySign).toEqual(expect.any(String));
    expect(fake.transactions.get("A1")?.amount.total).toBe(20000);
    expect(fake.rejectedRequests).toEqual([]);
  });

  it("queries and closes orders (GET and an empty 204 answer both signature-checked)", async () => {
    await client().createJsapiOrder(order("A2"));
    expect((await client().queryOrder({ outTradeNo: "A2" })).trade_state).toBe("NOTPAY");
    await client().closeOrder({ outTradeNo: "A2" });
    expect((await client().queryOrder({ outTradeNo: "A2" })).trade_state).toBe("CLOSED");
  });

  it("throws on an error answer instead of resolving it", async () => {
    await expect(client().queryOrder({ outTradeNo: "never-made" })).rejects.toMatchObject({ name: "WechatPayError", status: 404, code: "ORDER_NOT_EXIST" });
  });

  it("throws when a response is not signed by the platform key", async () => {
    await client().createJsapiOrder(order("A3"));
    fake.forgeResponses = true;
    try {
      await expect(client().queryOrder({ outTradeNo: "A3" })).rejects.toBeInstanceOf(WechatPayError);
    } finally {
      fake.forgeResponses = false;
    }
  });

  it("is refused by the fake (401, thrown) when signed with another merchant key", async () => {
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const config = loadWechatPayConfig({ ...fake.environment(), WECHATPAY_MERCHANT_PRIVATE_KEY: stranger }, { allowGenerated: false });
    await expect(createWechatPayClient(config, () => new Date()).createJsapiOrder(order("A4"))).rejects.toMatchObject({ status: 401, code: "SIGN_ERROR" });
    expect(fake.rejectedRequests).toContain("POST /v3/pay/transactions/jsapi");
    expect(fake.transactions.has("A4")).toBe(false);
  });
});

describe("AES-256-GCM resource decryption", () => {
  const key = randomBytes(16).toString("hex");
  const seal = (text: string, nonce: string, aad: string) => {
    const cipher = createCipheriv("aes-256-gcm", Buffer.from(key), Buffer.from(nonce));
    cipher.setAAD(Buffer.from(aad));
    return Buffer.concat([cipher.update(text, "utf8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
  };

  it("opens a genuine resource and refuses one flipped bit (the library's decipher_gcm would not)", () => {
    const ciphertext = seal('{"total":100}', "abcdefghijkl", "transaction");
    expect(decryptResource({ apiV3Key: key, ciphertext, nonce: "abcdefghijkl", associatedData: "transaction" })).toBe('{"total":100}');
    const bytes = Buffer.from(ciphertext, "base64");
    bytes[10]! ^= 0x08;
    expect(() => decryptResource({ apiV3Key: key, ciphertext: bytes.toString("base64"), nonce: "abcdefghijkl", associatedData: "transaction" })).toThrow(ResourceDecryptError);
    expect(() => decryptResource({ apiV3Key: key, ciphertext, nonce: "abcdefghijkl", associatedData: "refund" })).toThrow(ResourceDecryptError);
  });
});

describe("WeChat Pay configuration", () => {
  it("generates a throw-away merchant in test, refuses it in production, and names a broken key", () => {
    expect(loadConfig({ NODE_ENV: "test" }).wechatPay.generated).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).wechatPay.enabled).toBe(true);
    expect(() => loadConfig({ NODE_ENV: "test", WECHATPAY_PLATFORM_PUBLIC_KEY: "-----BEGIN PUBLIC KEY-----\\nnot a key\\n-----END PUBLIC KEY-----" })).toThrow(/WECHATPAY_PLATFORM_PUBLIC_KEY/);
    expect(() => loadConfig({ NODE_ENV: "test", WECHATPAY_APPID: "wx1" })).toThrow(/WECHATPAY_MCHID/);
  });

  it("starts production without WECHATPAY_* with payments off (and says why), instead of refusing to start", () => {
    const production = { NODE_ENV: "production", FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`, IDENTITY_HASH_KEY: "x".repeat(40), WECHAT_SECRET: "s" };
    const config = loadConfig(production).wechatPay;
    expect(config.enabled).toBe(false);
    expect(config.offReason).toContain("WECHATPAY_");
    // A half-configured merchant is still a mistake worth stopping for.
    expect(() => loadConfig({ ...production, WECHATPAY_APPID: "wx1" })).toThrow(/WECHATPAY_MCHID/);
    expect(loadConfig({ NODE_ENV: "test", WECHATPAY_ENABLED: "false" }).wechatPay).toMatchObject({ enabled: false, offReason: expect.stringContaining("WECHATPAY_ENABLED=false") });
  });
});
