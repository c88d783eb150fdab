import { access } from "../access";
import { dutyChannelsFor } from "./dutyChannelsFor";

describe("dutyChannelsFor", () => {
  it("offers the county hotline and chat to a county counsellor", () => {
    expect(dutyChannelsFor(access({ roles: ["counsellor"], status: "active", scope: { level: "county" } }))).toEqual(["hotline", "chat"]);
  });

  it("offers only chat to a school counsellor (the server would drop the hotline anyway)", () => {
    expect(dutyChannelsFor(access({ roles: ["counsellor"], status: "active", scope: { level: "school" } }))).toEqual(["chat"]);
  });
});
