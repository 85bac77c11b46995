/** Where the launchers say what they chose and why: one line per decision. */
export type InfraLog = (line: string) => void;

// stderr, so that a launcher's stdout can carry only the values a caller may want to capture.
export const stderrLog: InfraLog = (line) => {
  process.stderr.write(`[salur] ${line}\n`);
};

/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`: errors from Node's
 * internals (fetch, sockets) come from another realm when the code runs inside jest's sandbox.
 */
export function errorMessage(error: unknown): string {
  if (isErrorLike(error)) return error.message;
  return String(error);
}

/** The message followed by the causes' messages, for errors that hide the useful part in `cause`. */
export function errorMessageWithCauses(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  while (current !== undefined && messages.length < 5) {
    messages.push(errorMessage(current));
    current = isErrorLike(current) ? current.cause : undefined;
  }
  return messages.join(': ');
}

function isErrorLike(value: unknown): value is { message: string; cause?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    typeof value.message === 'string'
  );
}
