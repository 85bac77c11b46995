/** The path of a request target, without query or fragment (which may carry credentials). */
export function requestPath(url: string | undefined): string {
  if (!url) return '/';
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

/** Paths probed every few seconds (probes, scrapes): neither logged per request nor traced. */
export const QUIET_PATHS: readonly string[] = ['/health/live', '/health/ready', '/metrics'];
