import type { AppRouter } from "../../../http/mountRoute";
import { mountMyLetterRoutes } from "./myLetters";
import { mountStaffLetterRoutes } from "./staffLetters";
import { mountMailboxRoutes } from "./mailboxes";
import { mountLetterSettingRoutes } from "./letterSettings";

/** 心理咨询电子邮箱: the writer's routes, the teachers' routes, mailboxes and reply templates. */
export function mountLetterRoutes(router: AppRouter): void {
  mountMyLetterRoutes(router);
  mountStaffLetterRoutes(router);
  mountMailboxRoutes(router);
  mountLetterSettingRoutes(router);
}
