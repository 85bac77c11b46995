/** The path of a request target, without query or fragment (which may carry credentials). */
export function requestPath(url: string | undefined): string {
  if (!url) return '/';
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}
