/// <reference types="@tarojs/taro" />

declare module '*.css'

/** Server origin for the weapp build (no trailing slash), set from env XINYUAN_API_BASE at build time. */
declare const XINYUAN_API_BASE: string

/** WeChat subscribe-message template ids for hotline reminders, from env at build time ('' = not configured). */
declare const XINYUAN_HOTLINE_TEMPLATES: { call_soon: string; missed: string }

/** WeChat subscribe-message template id for "a counsellor replied in your chat", from env at build time ('' = not configured). */
declare const XINYUAN_CHAT_REPLY_TEMPLATE: string
declare const XINYUAN_LETTER_REPLY_TEMPLATE: string
/** WeChat subscribe-message template id for "your appointment is soon" ('' = not configured). */
declare const XINYUAN_APPOINTMENT_REMINDER_TEMPLATE: string

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro is building for; replaced with a literal at build time. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
  }
}
