import {
  apiRoutes,
  type ContactRecordBody,
  type LetterAssigneeView,
  type LetterNoteView,
  type LetterTemplateBody,
  type LetterTemplateView,
  type ListLettersQuery,
  type MailboxView,
  type Page,
  type StaffLetterView,
  type UpdateLetterTemplateBody,
  type UpdateMailboxBody,
} from "@xinyuan/shared";
import { call } from "../../request";

/** The letters page's HTTP calls. */
export const fetchLetters = (query: Partial<ListLettersQuery>) => call<typeof apiRoutes.listLetters, Page<StaffLetterView>>(apiRoutes.listLetters, { query, policy: "silent" });
export const fetchLetter = (id: string) => call<typeof apiRoutes.getLetter, StaffLetterView>(apiRoutes.getLetter, { params: { id }, policy: "silent" });
export const replyLetter = (id: string, body: string, clientMessageId: string) => call<typeof apiRoutes.replyLetter, StaffLetterView>(apiRoutes.replyLetter, { params: { id }, body: { body, clientMessageId } });
export const assignLetter = (id: string, staffId: string, expectedAssigneeId: string | null) => call<typeof apiRoutes.assignLetter, StaffLetterView>(apiRoutes.assignLetter, { params: { id }, body: { staffId, expectedAssigneeId } });
export const fetchAssignees = (id: string) => call<typeof apiRoutes.listLetterAssignees, LetterAssigneeView[]>(apiRoutes.listLetterAssignees, { params: { id }, policy: "silent" });
export const fetchLetterNotes = (id: string) => call<typeof apiRoutes.listLetterNotes, LetterNoteView[]>(apiRoutes.listLetterNotes, { params: { id }, policy: "silent" });
export const addLetterNote = (id: string, body: string) => call<typeof apiRoutes.addLetterNote, LetterNoteView[]>(apiRoutes.addLetterNote, { params: { id }, body: { body } });
export const closeLetter = (id: string, record: ContactRecordBody) => call<typeof apiRoutes.closeLetter, StaffLetterView>(apiRoutes.closeLetter, { params: { id }, body: { record } });
export const reopenLetter = (id: string) => call<typeof apiRoutes.reopenLetter, StaffLetterView>(apiRoutes.reopenLetter, { params: { id } });
export const fetchTemplates = () => call<typeof apiRoutes.listLetterTemplates, LetterTemplateView[]>(apiRoutes.listLetterTemplates, { policy: "silent" });
export const createTemplate = (body: LetterTemplateBody) => call<typeof apiRoutes.createLetterTemplate, LetterTemplateView>(apiRoutes.createLetterTemplate, { body });
export const updateTemplate = (id: string, body: UpdateLetterTemplateBody) => call<typeof apiRoutes.updateLetterTemplate, LetterTemplateView>(apiRoutes.updateLetterTemplate, { params: { id }, body });
export const deleteTemplate = (id: string) => call(apiRoutes.deleteLetterTemplate, { params: { id } });
export const fetchMailboxes = () => call<typeof apiRoutes.listMailboxes, MailboxView[]>(apiRoutes.listMailboxes, { policy: "silent" });
export const updateMailbox = (id: string, body: UpdateMailboxBody) => call<typeof apiRoutes.updateMailbox, MailboxView>(apiRoutes.updateMailbox, { params: { id }, body });
