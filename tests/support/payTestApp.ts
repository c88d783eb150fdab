import { startFakeWechatPay, type FakeWechatPay } from "../fakes/fakeWechatPayServer";
import { createTestApp, type TestApp } from "./testApp";

/** A test app whose WeChat Pay is the fake (its keys in WECHATPAY_*); close() stops both. */
export async function createPayTestApp(extraEnvironment: Record<string, string> = {}): Promise<TestApp & { pay: FakeWechatPay }> {
  const pay = await startFakeWechatPay();
  const t = await createTestApp({ ...pay.environment(), ...extraEnvironment });
  return {
    ...t,
    pay,
    async close() {
      await t.close();
      await pay.close();
    },
  };
}
