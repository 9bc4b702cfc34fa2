/**
 * One run at a time: a call while `work` runs asks for one more run after it, and any number of
 * calls meanwhile fold into that one. Federation's tick and its claims refresh run this way, so
 * a slow round of NATS work never piles up copies of itself.
 */
export function coalesced(work: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void work().finally(() => {
      running = false;
      if (!again) return;
      again = false;
      run();
    });
  };
  return run;
}
