import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { errorMessages, type ErrorCode } from "@xinyuan/shared";

/**
 * Requests Node refuses before Koa sees them (headers too large, a malformed request line) are answered
 * with the same `{ error: { code, message } }` shape as every other error, not Node's bare status line.
 */
export function answerClientErrors(httpServer: Server): void {
  httpServer.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    if (error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const timedOut = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
    const [status, reason, code]: [number, string, ErrorCode] = tooLarge
      ? [431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE"]
      : timedOut
        ? [408, "Request Timeout", "BAD_REQUEST"]
        : [400, "Bad Request", "BAD_REQUEST"];
    const body = JSON.stringify({ error: { code, message: errorMessages[code] } });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
