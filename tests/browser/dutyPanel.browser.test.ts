/**
 * The on-duty popover in the admin header (the real admin build, real server, demo accounts): its labels
 * sit apart from their controls. Needs the admin build: npm run build -w admin.
 */
import { adminViewport, browserSuite, signInAdmin } from "./support/browserSuite";

describe("web admin: the on-duty popover", () => {
  const suite = browserSuite({ admin: true });

  it("puts the 接待渠道 label on its own line, with a gap above its checkboxes", async () => {
    const context = await suite.newContext(adminViewport(1366, 900));
    const page = await context.newPage();
    await signInAdmin(page, suite.server, "hotline");
    await page.getByTestId("duty-toggle").click();
    const panel = page.getByTestId("duty-panel");
    await panel.waitFor();

    const label = await panel.getByText("接待渠道", { exact: true }).boundingBox();
    const checkboxes = await panel.locator(".ant-checkbox-group").boundingBox();
    expect(label).not.toBeNull();
    expect(checkboxes).not.toBeNull();
    // Before: the label ran straight into the first checkbox on the same line.
    expect(checkboxes!.y).toBeGreaterThanOrEqual(label!.y + label!.height + 4);
  });
});
