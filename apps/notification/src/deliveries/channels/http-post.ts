import http from 'node:http';
import https from 'node:https';

export interface PostResult {
  readonly status: number;
}

/**
 * POSTs a body and resolves with the status once the answer's headers and body have arrived. The
 * timeout covers the whole exchange, so an endpoint that accepts the connection and then hangs
 * costs one timeout and no more.
 */
export function httpPost(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  options: { readonly timeoutMs: number; readonly agent?: http.Agent },
): Promise<PostResult> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: 'POST',
        agent: options.agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.on('data', () => undefined);
        response.on('error', reject);
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0 });
        });
      },
    );
    request.on('error', (error: Error) => {
      reject(
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? new Error(`no answer within ${options.timeoutMs} ms`)
          : error,
      );
    });
    request.end(body);
  });
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return 'unknown error';
}
