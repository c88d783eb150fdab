import { randomBytes, randomUUID } from "node:crypto";
import supertest from "supertest";
import { currentConsentVersions, type StaffRole, type ScopeLevel, type StartChatResult } from "@xinyuan/shared";
import { appUsers, consents, conversations, staffPresence } from "../../server/src/db/schema";
import type { Database } from "../../server/src/db/database";
import { availableStaffIds } from "../../server/src/presence/dutyState";
import { buildStaff, type BuiltStaff } from "./factories";
import { sessionTokenFor } from "./sessions";
import { connectSocket, emitWithAck, type TestSocket } from "./socketClient";

/** Environment for chat tests: the maintenance job never runs on its own (tests call it). */
export const chatTestEnvironment = { CHAT_MAINTENANCE_INTERVAL_MS: "3600000", CHAT_MESSAGES_PER_SECOND: "3" };

export interface ChatTestServer {
  baseUrl: string;
  db: Database;
  now(): Date;
}

export interface ChatUser {
  id: string;
  alias: string;
  token: string;
  socket: TestSocket;
}

export interface ChatCounsellor {
  staff: BuiltStaff;
  token: string;
  socket: TestSocket;
}

/** A mini-program user who may use counselling (14-17, privacy + sensitive consent), connected. */
export async function chatUser(t: ChatTestServer): Promise<ChatUser> {
  const [user] = await t.db.insert(appUsers).values({ alias: `小树-${randomBytes(3).toString("hex").toUpperCase()}`, role: "student", ageBand: "14_17" }).returning();
  await t.db.insert(consents).values([
    { userId: user!.id, kind: "privacy", version: currentConsentVersions.privacy },
    { userId: user!.id, kind: "sensitive", version: currentConsentVersions.sensitive },
  ]);
  const token = await sessionTokenFor(t.db, { type: "user", id: user!.id }, t.now());
  return { id: user!.id, alias: user!.alias, token, socket: await connectSocket(t.baseUrl, token) };
}

export async function waitFor(check: () => Promise<boolean> | boolean, what = "condition", timeoutMs = 8000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A counsellor with an open admin connection, on duty for chat with the given capacity. */
export async function counsellorOnDuty(t: ChatTestServer, props: { capacity?: number; roles?: StaffRole[]; scope?: ScopeLevel } = {}): Promise<ChatCounsellor> {
  const staff = await buildStaff(t.db, { roles: props.roles ?? ["counsellor"], scope: props.scope ?? "county" });
  const token = await sessionTokenFor(t.db, { type: "staff", id: staff.id }, t.now());
  const socket = await connectSocket(t.baseUrl, token);
  const ack = await emitWithAck(socket, "duty:set", { onDuty: true, channels: ["chat"], chatCapacity: props.capacity ?? 3 });
  if (!ack.ok) throw new Error(`duty:set failed: ${ack.error.code}`);
  await waitFor(async () => (await availableStaffIds(t.db, "chat", t.now())).includes(staff.id), "counsellor available");
  return { staff, token, socket };
}

/** A staff member connected but not on duty (supervisors, outsiders). */
export async function connectedStaff(t: ChatTestServer, roles: StaffRole[], scope: ScopeLevel = "county"): Promise<ChatCounsellor> {
  const staff = await buildStaff(t.db, { roles, scope });
  const token = await sessionTokenFor(t.db, { type: "staff", id: staff.id }, t.now());
  return { staff, token, socket: await connectSocket(t.baseUrl, token) };
}

export function api(t: ChatTestServer) {
  return supertest(t.baseUrl);
}

export async function startChat(t: ChatTestServer, user: ChatUser, body: Record<string, unknown> = {}): Promise<StartChatResult> {
  const response = await api(t).post("/api/v1/me/chats").set("Authorization", `Bearer ${user.token}`).send(body);
  if (response.status >= 300) throw new Error(`start chat failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as StartChatResult;
}

/** Collects every payload of an event on a socket. */
export function collect<T>(socket: TestSocket, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as { on(event: string, listener: (payload: T) => void): void }).on(event, (payload) => seen.push(payload));
  return seen;
}

export const newMessageId = () => randomUUID();

/** Ends every open conversation and takes everyone off duty, so one test's counsellors do not serve the next. */
export async function resetChats(t: ChatTestServer, sockets: TestSocket[]): Promise<void> {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await t.db.update(staffPresence).set({ onDuty: false });
  await t.db.update(conversations).set({ status: "closed", closedAt: t.now() });
}
