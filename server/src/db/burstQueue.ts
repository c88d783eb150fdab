/**
 * Requests that arrive while a run is under way wait and are handled together by the next run: a burst of
 * the same read costs a few queries instead of one per request. Per owner (the services or database handle
 * the reads go through), so reads never mix handles. Nothing is kept after a run.
 *
 * `run` answers each request of the group in order: a value resolves it, an Error rejects it; if `run`
 * throws, every request of the group is rejected with that error.
 */
export function burstQueue<Owner extends object, Request, Result>(run: (owner: Owner, requests: Request[]) => Promise<Array<Result | Error>>): (owner: Owner, request: Request) => Promise<Result> {
  interface Waiting {
    request: Request;
    resolve: (result: Result) => void;
    reject: (error: unknown) => void;
  }
  const states = new WeakMap<Owner, { waiting: Waiting[]; running: boolean }>();

  async function drain(owner: Owner, state: { waiting: Waiting[]; running: boolean }): Promise<void> {
    try {
      while (state.waiting.length > 0) {
        const group = state.waiting.splice(0);
        try {
          const answers = await run(owner, group.map((item) => item.request));
          group.forEach((item, index) => {
            const answer = answers[index] as Result | Error;
            if (answer instanceof Error) item.reject(answer);
            else item.resolve(answer);
          });
        } catch (error) {
          for (const item of group) item.reject(error);
        }
      }
    } finally {
      state.running = false;
    }
  }

  return (owner, request) => {
    let state = states.get(owner);
    if (!state) states.set(owner, (state = { waiting: [], running: false }));
    const own = state;
    const promise = new Promise<Result>((resolve, reject) => own.waiting.push({ request, resolve, reject }));
    if (!own.running) {
      own.running = true;
      setImmediate(() => void drain(owner, own));
    }
    return promise;
  };
}
