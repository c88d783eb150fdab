import { access, type AccessSubject } from "../access";
import { menuItemsFor, selectedMenuKey } from "./menuItems";

function menuKeys(subject: AccessSubject): string[] {
  return menuItemsFor(access(subject)).flatMap((item) => {
    if (item && "children" in item && item.children) return item.children.map((child) => String(child?.key));
    return item?.key ? [String(item.key)] : [];
  });
}

describe("side menu", () => {
  it("shows a county centre admin the hotline board and the management pages, not the queue they do not work", () => {
    expect(menuKeys({ roles: ["centre_admin"], status: "active", scope: { level: "county" } })).toEqual(["/", "/hotline-board", "/crisis", "/appointments", "/activity-overview", "/appointment-setup", "/statistics", "/roster", "/letter-mailboxes", "/staff", "/directory", "/risk-lexicon", "/audit", "/settings", "/account"]);
  });

  it("shows a county supervisor both the hotline queue and its board", () => {
    const keys = menuKeys({ roles: ["supervisor"], status: "active", scope: { level: "county" } });
    expect(keys.slice(0, 4)).toEqual(["/", "/hotline", "/hotline-board", "/chats"]);
  });

  it("shows a county hotline counsellor the hotline, chats and the roster", () => {
    expect(menuKeys({ roles: ["counsellor"], status: "active", scope: { level: "county" } })).toEqual(["/", "/hotline", "/chats", "/alerts", "/letters", "/crisis", "/appointments", "/roster", "/account"]);
  });

  it("keeps the county hotline from an area supervisor, who answers the area's letters and cases", () => {
    const counsellor = menuKeys({ roles: ["counsellor", "supervisor"], status: "active", scope: { level: "area" } });
    expect(counsellor).toEqual(["/", "/chats", "/alerts", "/letters", "/crisis", "/appointments", "/appointment-setup", "/audit", "/account"]);
    expect(counsellor).not.toContain("/hotline");
  });

  it("shows a school admin staff management and audit but not the county's directory or settings", () => {
    expect(menuKeys({ roles: ["centre_admin"], status: "active", scope: { level: "school" } })).toEqual(["/", "/crisis", "/appointments", "/activity-reports", "/appointment-setup", "/statistics", "/staff", "/audit", "/account"]);
  });

  it("shows an expert their appointment day list", () => {
    expect(menuKeys({ roles: ["expert"], status: "active", scope: { level: "county" } })).toContain("/appointments");
    // A school counsellor staffs the school's counselling room: the same day list.
    expect(menuKeys({ roles: ["counsellor"], status: "active", scope: { level: "school" } })).toContain("/appointments");
    expect(menuKeys({ roles: ["counsellor"], status: "active", scope: { level: "school" } })).not.toContain("/appointment-setup");
  });

  it("highlights the page an address belongs to", () => {
    expect(selectedMenuKey("/")).toBe("/");
    expect(selectedMenuKey("/staff")).toBe("/staff");
    expect(selectedMenuKey("/staff/123")).toBe("/staff");
  });
});
