import { apiRoutes, type LetterTermBody, type LetterTermView } from "@xinyuan/shared";
import { call } from "../../request";

/** 寒暑假 calls of the mailbox settings page (answer types from shared/src/letters.ts). */
export const fetchTerms = () => call<typeof apiRoutes.listLetterTerms, LetterTermView[]>(apiRoutes.listLetterTerms, { policy: "silent" });
export const createTerm = (body: LetterTermBody) => call<typeof apiRoutes.createLetterTerm, LetterTermView>(apiRoutes.createLetterTerm, { body });
export const updateTerm = (id: string, body: LetterTermBody) => call<typeof apiRoutes.updateLetterTerm, LetterTermView>(apiRoutes.updateLetterTerm, { params: { id }, body });
export const deleteTerm = (id: string) => call(apiRoutes.deleteLetterTerm, { params: { id } });
