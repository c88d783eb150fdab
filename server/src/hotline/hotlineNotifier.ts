import { subscribeMessagePage, type HotlineNotifyTemplate } from "@xinyuan/shared";
import type { Services } from "../services";
import type { FieldCipher } from "../crypto/fieldCipher";
import type { HotlineTicketRow } from "./presentHotlineTicket";
import { countyClockOf, countyDateTimeOf } from "./countyTime";
import { sealed } from "../crypto/sealedColumns";

/** A reminder taken out of a ticket inside a transaction, to send once the transaction committed. */
export interface PendingReminder {
  openid: string;
  template: HotlineNotifyTemplate;
  ticket: HotlineTicketRow;
}

/**
 * Takes the opted-in delivery address for `template` out of a locked ticket row. Returns the reminder
 * to send and the column values to write in the same UPDATE: the template is used up (WeChat one-time
 * subscriptions allow one message each) and the encrypted openid is erased once no template is left or
 * the ticket is ending. Why the openid is stored at all: accounts keep only a keyed hash of it, which
 * cannot be messaged, so the caller's explicit opt-in at join time hands us the address for this one
 * ticket only (see joinHotlineBody.notify); it never outlives the ticket.
 */
export function takeReminder(
  cipher: FieldCipher,
  row: HotlineTicketRow,
  template: HotlineNotifyTemplate | null,
  ending: boolean,
): { reminder: PendingReminder | null; set: { notifyOpenidEnc: string | null; notifyTemplates: string[] } } {
  const wanted = template !== null && row.notifyOpenidEnc !== null && row.notifyTemplates.includes(template);
  const remaining = wanted ? row.notifyTemplates.filter((name) => name !== template) : row.notifyTemplates;
  const erase = ending || remaining.length === 0;
  const reminder = wanted && row.notifyOpenidEnc ? { openid: cipher.decrypt(row.notifyOpenidEnc, sealed.hotlineNotifyOpenid.at(row)), template: template!, ticket: row } : null;
  return { reminder, set: { notifyOpenidEnc: erase ? null : row.notifyOpenidEnc, notifyTemplates: erase ? [] : remaining } };
}

/**
 * Sends a taken reminder through the WeChat API client (the fake in tests). At most once: the address
 * was already erased in the committed transaction, so a failed send is logged, never retried with a
 * stored openid.
 */
export async function sendReminder(services: Services, reminder: PendingReminder): Promise<void> {
  const { config } = services;
  const { ticket } = reminder;
  const page = subscribeMessagePage("hotline", { ticket: ticket.id });
  const data: Record<string, { value: string }> =
    reminder.template === "call_soon"
      ? {
          thing1: { value: "心理援助热线回电" },
          time2: { value: ticket.windowEnd ? `${countyDateTimeOf(ticket.windowStart ?? ticket.joinedAt)} 至 ${countyClockOf(ticket.windowEnd)}` : countyDateTimeOf(services.clock.now()) },
          phone_number3: { value: config.county.hotlineNumber },
          thing4: { value: "老师马上给你打电话，请留意来电" },
        }
      : {
          thing1: { value: "心理援助热线" },
          phrase2: { value: "未能接通" },
          thing3: { value: "别担心，可以再次排队或拨打12356" },
        };
  const templateId = reminder.template === "call_soon" ? config.hotline.templates.callSoon : config.hotline.templates.missed;
  try {
    await services.wechat.sendSubscribeMessage({ toOpenid: reminder.openid, templateId, page, data });
  } catch (error) {
    services.log.warn({ err: error, ticketId: ticket.id, template: reminder.template }, "hotline reminder not sent");
  }
}

/** Sends every reminder after commit; never throws. */
export async function sendReminders(services: Services, reminders: Array<PendingReminder | null>): Promise<void> {
  for (const reminder of reminders) if (reminder) await sendReminder(services, reminder);
}
