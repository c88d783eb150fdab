import { apiRoutes, errorMessages } from "@xinyuan/shared";
import type { AppRouter } from "../../../http/mountRoute";
import { NotificationRefused } from "../../../payments/notificationVerifier";
import { paymentNotificationReceiver } from "../../../payments/paymentNotificationReceiver";
import { paymentPurposesOf } from "../../../features/featureParts";

/**
 * WeChat Pay's notification callback. Not a client API (WeChat Pay is the caller, in its own format), so
 * it is mounted directly (path from its contract, apiRoutes.wechatPayNotify): the RAW body kept by the body parser is what gets verified. Success answers
 * 200 {code:"SUCCESS"}; a refused notification answers 4xx {code:"FAIL"} (a genuine one is retried by
 * WeChat Pay with fresh headers); an internal failure 500 so WeChat Pay retries.
 */
export function mountWechatPayNotifyRoutes(router: AppRouter): void {
  router.post(apiRoutes.wechatPayNotify.path, async (ctx) => {
    const rawBody = (ctx.request as { rawBody?: unknown }).rawBody;
    try {
      if (typeof rawBody !== "string") throw new NotificationRefused("envelope", "no body");
      await paymentNotificationReceiver({ services: ctx.services, purposes: paymentPurposesOf(ctx.features), headers: ctx.headers, rawBody });
      ctx.status = 200;
      ctx.body = { code: "SUCCESS", message: "成功" };
    } catch (error) {
      if (!(error instanceof NotificationRefused)) throw error;
      ctx.services.log.warn({ reason: error.reason, detail: error.message }, "wechat pay notification refused");
      ctx.status = error.reason === "signature" || error.reason === "serial" ? 401 : 400;
      // WeChat Pay reads the status and {code, message}; the house error shape rides along for our own tools.
      ctx.body = { code: "FAIL", message: error.reason, error: { code: "PAYMENT_NOTIFICATION_REFUSED", message: errorMessages.PAYMENT_NOTIFICATION_REFUSED } };
    }
  });
}
