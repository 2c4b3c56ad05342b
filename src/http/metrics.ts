import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppendOptions, AppendResult, EventData, EventStore } from '../eventstore/port.js';

export interface Metrics {
  registry: Registry;
  /** Times every HTTP request (count and latency by method, route and status). */
  http: RequestHandler;
  /** Answers GET /metrics in Prometheus' text format. */
  endpoint: RequestHandler;
  /** Wraps an event store so its appends are timed and counted. */
  instrument(store: EventStore): EventStore;
  /** Lets the read-model gauges ask for the log head and the projector's position at scrape. */
  watchReadModel(source: { head(): Promise<bigint>; position(): bigint }): void;
}

/** Prometheus metrics through prom-client, in a registry of this app's own (not the global one). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'replika_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'replika_http_request_duration_seconds',
    help: 'HTTP request latency, from arrival to the last byte of the answer',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const appendLatency = new Histogram({
    name: 'replika_event_store_append_duration_seconds',
    help: 'Durable append latency (group commit included), by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const appended = new Counter({
    name: 'replika_events_appended_total',
    help: 'Events durably appended to the log',
    registers: [registry],
  });
  let readModel: { head(): Promise<bigint>; position(): bigint } | undefined;
  new Gauge({
    name: 'replika_event_log_head_position',
    help: 'Position of the last event in the log',
    registers: [registry],
    async collect() {
      if (readModel) this.set(Number(await readModel.head()));
    },
  });
  new Gauge({
    name: 'replika_read_model_position',
    help: 'Log position every live projection has applied',
    registers: [registry],
    collect() {
      if (readModel) this.set(Number(readModel.position()));
    },
  });
  new Gauge({
    name: 'replika_projection_lag_events',
    help: 'Events in the log that the read model has not applied yet',
    registers: [registry],
    async collect() {
      if (!readModel) return;
      const h = await readModel.head();
      this.set(Math.max(0, Number(h - readModel.position())));
    },
  });

  return {
    registry,
    http(req, res, next) {
      const stop = latency.startTimer();
      res.on('finish', () => {
        // A known path or `other`, never the raw URL, so label values stay few.
        const route = routeOf(req.originalUrl.split('?')[0] ?? '');
        const labels = { method: req.method, route, status: String(res.statusCode) };
        requests.inc(labels);
        stop(labels);
      });
      next();
    },
    async endpoint(_req, res) {
      res.set('Content-Type', registry.contentType).send(await registry.metrics());
    },
    instrument(store) {
      return new Proxy(store, {
        get(target, prop, receiver) {
          if (prop !== 'append') {
            const value = Reflect.get(target, prop, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          }
          return async (
            streamName: string,
            events: readonly EventData[],
            options: AppendOptions,
          ): Promise<AppendResult> => {
            const stop = appendLatency.startTimer();
            try {
              const result = await target.append(streamName, events, options);
              stop({ outcome: 'ok' });
              appended.inc(events.length);
              return result;
            } catch (error) {
              stop({ outcome: error instanceof Error ? error.name : 'error' });
              throw error;
            }
          };
        },
      });
    },
    watchReadModel(source) {
      readModel = source;
    },
  };
}

const KNOWN = new Set(['/graphql', '/health', '/ready', '/metrics', '/']);
const routeOf = (path: string) => (KNOWN.has(path) ? path : 'other');
