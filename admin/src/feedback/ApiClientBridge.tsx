import { useLayoutEffect } from "react";
import { App } from "antd";
import { configureApiClient, type ApiError } from "../request";
import { endSession, getToken, requirePendingStep } from "../session/sessionStore";

const sessionEndedMessages: Record<string, string> = {
  SESSION_EXPIRED: "太久没有操作，为了安全已自动退出，请重新登录。",
  UNAUTHENTICATED: "登录状态已失效（可能已在别处退出，或账号有变动），请重新登录。",
};

/** The message shown on the login page when the server says the session has ended. */
export function sessionEndedMessage(error: ApiError): string {
  return sessionEndedMessages[error.code] ?? error.message;
}

/**
 * Connects the request wrapper to the session store and to antd's message / notification, which need
 * the App context. Runs as a layout effect so it is in place before any page's first request.
 */
export function ApiClientBridge() {
  const { message, notification } = App.useApp();

  useLayoutEffect(() => {
    configureApiClient({
      getToken,
      onSessionEnded: (error, token) => {
        if (token !== null && token === getToken()) endSession(sessionEndedMessage(error));
      },
      onStepRequired: (step, token) => {
        if (token !== null && token === getToken()) requirePendingStep(step);
      },
      notify: (error, policy) => {
        if (policy === "message") {
          void message.error(error.message);
          return;
        }
        notification.error({
          message: "操作没有完成",
          description: error.message,
          duration: 8,
        });
      },
    });
  }, [message, notification]);

  return null;
}
