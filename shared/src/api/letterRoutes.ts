import { defineRoute } from "./contract";
import {
  assignLetterBody,
  closeLetterBody,
  closeMyLetterBody,
  letterNoteBody,
  letterReminderBody,
  letterReplyBody,
  letterTemplateBody,
  letterTermBody,
  listLettersQuery,
  updateLetterTemplateBody,
  updateMailboxBody,
  writeLetterBody,
} from "../letters";

const teachers = ["counsellor", "supervisor"] as const;

/**
 * 心理咨询电子邮箱 routes. Writers use /me/letters; teachers /letters and /letter-mailboxes. Every staff
 * route answers 404 LETTER_NOT_FOUND for a letter outside the reader's mailboxes (never 403: no probing).
 */
export const letterRoutes = {
  // the writer (mini-program)
  listMyLetterBoxes: defineRoute({ method: "get", path: "/me/letter-boxes", summary: "可以写信给谁（谁会读、通常几个工作日回复）", tag: "letters", audience: "user" }),
  /** WriteLetterResult; 201 new, 200 when the clientSubmitId was already stored. */
  writeLetter: defineRoute({ method: "post", path: "/me/letters", summary: "写信（可重发，同一 clientSubmitId 只存一封）", tag: "letters", audience: "user", body: writeLetterBody }),
  listMyLetters: defineRoute({ method: "get", path: "/me/letters", summary: "我的信", tag: "letters", audience: "user" }),
  getMyLetter: defineRoute({ method: "get", path: "/me/letters/:id", summary: "我的一封信和往来回复", tag: "letters", audience: "user" }),
  replyMyLetter: defineRoute({ method: "post", path: "/me/letters/:id/messages", summary: "在信里回复老师", tag: "letters", audience: "user", body: letterReplyBody }),
  closeMyLetter: defineRoute({ method: "post", path: "/me/letters/:id/close", summary: "结束这封信（可以留一句感谢）", tag: "letters", audience: "user", body: closeMyLetterBody }),
  remindMeOnLetterReply: defineRoute({ method: "post", path: "/me/letters/:id/reminder", summary: "老师回信时用微信提醒我（一次）", tag: "letters", audience: "user", body: letterReminderBody }),

  // teachers (admin)
  listLetters: defineRoute({ method: "get", path: "/letters", summary: "信箱来信（我所在的信箱；紧急的在最前）", tag: "letters", audience: "staff", roles: teachers, query: listLettersQuery }),
  getLetter: defineRoute({ method: "get", path: "/letters/:id", summary: "一封来信和往来回复（首次打开标记老师已读，留痕）", tag: "letters", audience: "staff", roles: teachers }),
  replyLetter: defineRoute({ method: "post", path: "/letters/:id/messages", summary: "回信", tag: "letters", audience: "staff", roles: teachers, body: letterReplyBody }),
  assignLetter: defineRoute({ method: "post", path: "/letters/:id/assign", summary: "分配给同事（同时分配只有一个成功）", tag: "letters", audience: "staff", roles: teachers, body: assignLetterBody }),
  listLetterAssignees: defineRoute({ method: "get", path: "/letters/:id/assignees", summary: "可以分配的同事", tag: "letters", audience: "staff", roles: teachers }),
  listLetterNotes: defineRoute({ method: "get", path: "/letters/:id/notes", summary: "内部备注（写信人看不到）", tag: "letters", audience: "staff", roles: teachers }),
  addLetterNote: defineRoute({ method: "post", path: "/letters/:id/notes", summary: "添加内部备注", tag: "letters", audience: "staff", roles: teachers, body: letterNoteBody }),
  closeLetter: defineRoute({ method: "post", path: "/letters/:id/close", summary: "结束并填写记录（信箱渠道）", tag: "letters", audience: "staff", roles: teachers, body: closeLetterBody }),
  reopenLetter: defineRoute({ method: "post", path: "/letters/:id/reopen", summary: "重新打开", tag: "letters", audience: "staff", roles: teachers }),

  listLetterTemplates: defineRoute({ method: "get", path: "/letter-templates", summary: "回信模板（我的和全县的）", tag: "letters", audience: "staff", roles: teachers }),
  createLetterTemplate: defineRoute({ method: "post", path: "/letter-templates", summary: "新建回信模板", tag: "letters", audience: "staff", roles: teachers, body: letterTemplateBody }),
  /** LetterTemplateView. Own templates by their owner; county-wide ones by supervisors. Audited (never the text). */
  updateLetterTemplate: defineRoute({ method: "patch", path: "/letter-templates/:id", summary: "修改回信模板", tag: "letters", audience: "staff", roles: teachers, body: updateLetterTemplateBody }),
  deleteLetterTemplate: defineRoute({ method: "delete", path: "/letter-templates/:id", summary: "删除回信模板", tag: "letters", audience: "staff", roles: teachers }),

  /** LetterTermView[], by start date. 寒暑假 count as non-working days for due dates (like holidays). */
  listLetterTerms: defineRoute({ method: "get", path: "/letter-terms", summary: "寒暑假（信箱不计工作日）", tag: "letters", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"] }),
  /** LetterTermView (201). County centre admins; audited. */
  createLetterTerm: defineRoute({ method: "post", path: "/letter-terms", summary: "新增寒暑假", tag: "letters", audience: "staff", roles: ["centre_admin"], body: letterTermBody }),
  updateLetterTerm: defineRoute({ method: "patch", path: "/letter-terms/:id", summary: "修改寒暑假", tag: "letters", audience: "staff", roles: ["centre_admin"], body: letterTermBody }),
  deleteLetterTerm: defineRoute({ method: "delete", path: "/letter-terms/:id", summary: "删除寒暑假", tag: "letters", audience: "staff", roles: ["centre_admin"] }),

  listMailboxes: defineRoute({ method: "get", path: "/letter-mailboxes", summary: "我能看到的信箱", tag: "letters", audience: "staff", roles: ["counsellor", "supervisor", "centre_admin"] }),
  updateMailbox: defineRoute({ method: "patch", path: "/letter-mailboxes/:id", summary: "信箱设置（成员、自动回复、假期提示）", tag: "letters", audience: "staff", roles: ["centre_admin"], body: updateMailboxBody }),
} as const;
