import { DrizzleQueryError } from "drizzle-orm";
import { serializeError } from "./logger";

describe("error serializer", () => {
  it("keeps a failed query's SQL and cause but withholds its bound values", () => {
    const cause = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
    const error = new DrizzleQueryError("insert into app_users (alias) values ($1)", ["小树-7F3A", "13812345678"], cause);
    const text = JSON.stringify(serializeError(error));
    expect(text).toContain("insert into app_users");
    expect(text).toContain("23505");
    expect(text).not.toContain("小树-7F3A");
    expect(text).not.toContain("13812345678");
  });
});
