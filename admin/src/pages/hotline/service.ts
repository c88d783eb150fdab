import {
  apiRoutes,
  type CallAttemptBody,
  type ContactRecordBody,
  type ContactRecordView,
  type HotlineCallView,
  type HotlineQueueEntryView,
  type HotlineQueueView,
} from "@xinyuan/shared";
import { call } from "../../request";

/** The hotline queue page's API calls (answer types from shared/src/hotline.ts). */

export const fetchQueue = () => call<typeof apiRoutes.hotlineQueue, HotlineQueueView>(apiRoutes.hotlineQueue, { policy: "silent" });
export const fetchMyCall = () => call<typeof apiRoutes.myHotlineCall, { call: HotlineCallView | null }>(apiRoutes.myHotlineCall, { policy: "silent" });
export const claimNext = () => call<typeof apiRoutes.claimNextCaller, HotlineCallView>(apiRoutes.claimNextCaller, { policy: "notification" });
export const claimByNumber = (number: number) => call<typeof apiRoutes.claimCallerByNumber, HotlineCallView>(apiRoutes.claimCallerByNumber, { body: { number }, policy: "notification" });
export const revealPhone = (id: string) => call<typeof apiRoutes.revealCallerPhone, { phone: string }>(apiRoutes.revealCallerPhone, { params: { id } });
export const fetchHistory = (id: string) => call<typeof apiRoutes.hotlineCallHistory, ContactRecordView[]>(apiRoutes.hotlineCallHistory, { params: { id }, policy: "silent" });
export const releaseCall = (id: string) => call<typeof apiRoutes.releaseHotlineCall, HotlineQueueEntryView>(apiRoutes.releaseHotlineCall, { params: { id } });
export const transferCall = (id: string, toStaffId: string) => call<typeof apiRoutes.transferHotlineCall, HotlineQueueEntryView>(apiRoutes.transferHotlineCall, { params: { id }, body: { toStaffId } });
export const recordAttempt = (id: string, result: CallAttemptBody["result"]) => call<typeof apiRoutes.recordCallAttempt, HotlineQueueEntryView>(apiRoutes.recordCallAttempt, { params: { id }, body: { result } });
export const recordOutcome = (id: string, body: ContactRecordBody) => call<typeof apiRoutes.recordCallOutcome, { ticket: HotlineQueueEntryView; contactRecordId: string }>(apiRoutes.recordCallOutcome, { params: { id }, body });
export const flagTicket = (id: string, priority: "urgent" | "normal") => call<typeof apiRoutes.flagHotlineTicket, HotlineQueueEntryView>(apiRoutes.flagHotlineTicket, { params: { id }, body: { priority } });
export const logInboundCall = (body: ContactRecordBody) => call<typeof apiRoutes.logInboundCall, { contactRecordId: string }>(apiRoutes.logInboundCall, { body });
