/** The one pause every process uses (polls, retries, backoff). */

export interface SleepOptions {
  /** Resolve at once when this aborts, leaving no timer or listener behind (a follow waits for hours). */
  signal?: AbortSignal;
  /** Do not keep the process alive for this pause (background retries in the daemon). */
  unref?: boolean;
}

export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal, unref } = options;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    if (unref) timer.unref();
    signal?.addEventListener('abort', finish, { once: true });
  });
}
