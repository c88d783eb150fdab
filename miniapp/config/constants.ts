/**
 * Build-time constants. The weapp build talks to an absolute server address (WeChat has no "same
 * origin"); set XINYUAN_API_BASE when building for a real deployment. H5 is served by that server,
 * so it always uses the relative /api/v1.
 */
export function buildConstants(): Record<string, string> {
  const apiBase = (process.env.XINYUAN_API_BASE ?? 'http://127.0.0.1:3000').replace(/\/+$/, '')
  // WeChat subscribe-message template ids (registered in the mini-program console); empty = no reminders offered.
  const hotlineTemplates = {
    call_soon: process.env.XINYUAN_WECHAT_TEMPLATE_CALL_SOON ?? '',
    missed: process.env.XINYUAN_WECHAT_TEMPLATE_MISSED ?? '',
  }
  const chatReplyTemplate = process.env.XINYUAN_WECHAT_TEMPLATE_CHAT_REPLY ?? ''
  const letterReplyTemplate = process.env.XINYUAN_WECHAT_TEMPLATE_LETTER_REPLY ?? ''
  const appointmentReminderTemplate = process.env.XINYUAN_WECHAT_TEMPLATE_APPOINTMENT_REMINDER ?? ''
  return {
    XINYUAN_API_BASE: JSON.stringify(apiBase),
    XINYUAN_HOTLINE_TEMPLATES: JSON.stringify(hotlineTemplates),
    XINYUAN_CHAT_REPLY_TEMPLATE: JSON.stringify(chatReplyTemplate),
    XINYUAN_LETTER_REPLY_TEMPLATE: JSON.stringify(letterReplyTemplate),
    XINYUAN_APPOINTMENT_REMINDER_TEMPLATE: JSON.stringify(appointmentReminderTemplate),
  }
}
