import { singleFlight } from "./useSingleFlight";

describe("singleFlight", () => {
  it("ignores a second click while the first request is still out", async () => {
    const busy: (string | null)[] = [];
    const run = singleFlight((key) => busy.push(key));
    let finish: () => void = () => undefined;
    const work = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));

    const first = run("c1", work);
    await run("c1", work);
    await run("c2", work);
    expect(work).toHaveBeenCalledTimes(1);
    expect(busy).toEqual(["c1"]);

    finish();
    await first;
    expect(busy).toEqual(["c1", null]);
  });

  it("frees the slot after a refused request, so the next click is sent", async () => {
    const run = singleFlight(() => undefined);
    await expect(run("c1", () => Promise.reject(new Error("已被其他老师接入")))).rejects.toThrow("已被其他老师接入");
    const work = jest.fn(() => Promise.resolve());
    await run("c1", work);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
