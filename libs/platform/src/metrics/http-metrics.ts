import type { FastifyInstance } from 'fastify';
import { counter, histogram } from './metrics-registry';

/** Requests Fastify answered without matching a route (404s, probes of random paths). */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * Records `http_requests_total{method,route,status}` and `http_request_duration_seconds{method,route}`
 * for every response, from a Fastify hook so that requests rejected before routing (404, 413,
 * 415) count too. The route label is the template (`/v1/complaints/:id`), never the raw URL,
 * which would give every complaint its own time series.
 */
export function recordHttpMetrics(fastify: FastifyInstance): void {
  const requests = counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
  });
  const duration = histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to sending its response, by route template',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
