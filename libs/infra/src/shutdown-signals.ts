const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * For launchers that stop what they started in order: the first SIGINT, SIGTERM or SIGHUP calls
 * `onFirst` (begin an orderly shutdown); another one calls `onRepeat` (the user is out of patience:
 * kill and exit). Returns a function that removes the handlers.
 */
export function handleShutdownSignals(
  onFirst: (signal: NodeJS.Signals) => void,
  onRepeat: (signal: NodeJS.Signals) => void,
): () => void {
  let received = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (received) {
      onRepeat(signal);
      return;
    }
    received = true;
    onFirst(signal);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
}
