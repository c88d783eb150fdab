import type { Database } from "../db/database";
import { mailboxMembers, mailboxes } from "../db/schema";
import { countyMailboxName } from "./mailboxRouting";

/**
 * DEMO: a mailbox for every school with a full-time counsellor, one per area, and the county centre's;
 * members from the demo staff (the school counsellor answers 渠县中学, the area teacher 渠北片区, the county
 * counsellors and supervisor the centre). Schools without a counsellor route to their area's box.
 */
export async function seedDemoMailboxes(
  db: Database,
  props: { areaIds: Map<string, string>; schoolIds: Map<string, string>; schoolsWithCounsellor: string[]; staffIds: Map<string, string>; schoolOfStaff: Map<string, string> },
): Promise<void> {
  const ack = "信已经收到了，谢谢你愿意写下来。老师会在工作日认真读，并尽快回信。";
  const boxFor = new Map<string, string>();
  for (const name of props.schoolsWithCounsellor) {
    const [row] = await db.insert(mailboxes).values({ kind: "school", schoolId: props.schoolIds.get(name)!, name: `${name}心理信箱`, autoAckText: ack }).returning({ id: mailboxes.id });
    boxFor.set(`school:${name}`, row!.id);
  }
  for (const [name, areaId] of props.areaIds) {
    const [row] = await db.insert(mailboxes).values({ kind: "area", areaId, name: `${name}心理老师信箱`, autoAckText: ack }).returning({ id: mailboxes.id });
    boxFor.set(`area:${name}`, row!.id);
  }
  const [county] = await db.insert(mailboxes).values({ kind: "county", name: countyMailboxName, autoAckText: ack }).returning({ id: mailboxes.id });
  const members: Array<{ mailboxId: string; staffId: string }> = [];
  const add = (box: string | undefined, username: string) => {
    const staffId = props.staffIds.get(username);
    if (box && staffId) members.push({ mailboxId: box, staffId });
  };
  const counsellorSchool = props.schoolOfStaff.get("counsellor");
  if (counsellorSchool) add(boxFor.get(`school:${counsellorSchool}`), "counsellor");
  add(boxFor.get("area:渠北片区"), "area");
  add(county!.id, "hotline");
  add(county!.id, "hotline2");
  add(county!.id, "supervisor");
  if (members.length) await db.insert(mailboxMembers).values(members);
}
