/**
 * A lane: async work that runs one piece at a time, in the order it was queued; a piece that
 * fails does not stop the next. Claim decisions use one so that each reads the state the last
 * commit left; federation's claims-bucket work uses one so that revisions stay consistent.
 */
export type Lane = <T>(fn: () => Promise<T>) => Promise<T>;

export function createLane(): Lane {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
