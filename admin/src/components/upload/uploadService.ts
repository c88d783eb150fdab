import { apiRoutes, uploadLimits, type UploadPurpose, type UploadView } from "@xinyuan/shared";
import { ApiError, networkErrorMessage, unexpectedErrorMessage } from "../../request";
import { getToken } from "../../session/sessionStore";

/**
 * Uploads and staff-only files. These send raw bytes or read binary answers, which the JSON `call`
 * wrapper does not do, so they use fetch with the session token and turn refusals into ApiError.
 */
export type UploadKind = keyof typeof uploadLimits;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The check before sending (the server checks again): a Chinese reason to refuse the file, or null. */
export function uploadProblem(file: Pick<File, "type" | "size">, kind: UploadKind): string | null {
  const limit = uploadLimits[kind];
  if (!(limit.types as readonly string[]).includes(file.type)) return kind === "image" ? "只能上传 JPG、PNG 或 WebP 格式的图片。" : "只能上传 MP4 格式的视频。";
  if (file.size > limit.maxBytes) return kind === "image" ? `图片太大了（不超过 ${megabytes(limit.maxBytes)}），请压缩后再上传。` : `视频太大了（不超过 ${megabytes(limit.maxBytes)}），请剪短或压缩后再上传，也可以改填视频平台的链接。`;
  return null;
}

async function failureOf(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
  return new ApiError(payload?.error?.code ?? "HTTP_ERROR", payload?.error?.message ?? unexpectedErrorMessage, response.status);
}

async function staffFetch(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${getToken() ?? ""}` } });
  } catch {
    throw new ApiError("NETWORK_ERROR", networkErrorMessage, 0);
  }
}

/**
 * Uploads send the file itself as the body (the server checks its type and size, and strips image
 * metadata). purpose 'activity_report' keeps the photo staff-only.
 */
export async function uploadFile(file: File, purpose: UploadPurpose = "content"): Promise<UploadView> {
  const response = await staffFetch(`/api/v1${apiRoutes.createUpload.path}?purpose=${purpose}`, {
    method: "POST",
    headers: { "Content-Type": file.type || "application/octet-stream" },
    body: file,
  });
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as UploadView;
}

/** A staff-only file (an activity-report photo) as a local address an <img> can show; revoke it when done. */
export async function staffFileUrl(url: string): Promise<string> {
  const response = await staffFetch(url);
  if (!response.ok) throw await failureOf(response);
  return URL.createObjectURL(await response.blob());
}

/** The upload id inside one of our upload addresses (public or staff-only), or null for an outside link. */
export function uploadIdOf(url: string | null | undefined): string | null {
  return url?.match(/^\/api\/v1\/publishing\/(?:uploads|report-photos)\/([0-9a-f-]{36})$/)?.[1] ?? null;
}
