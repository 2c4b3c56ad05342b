import { pino } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs on stdout. Authorization headers are never logged. */
export const createLogger = (level: string) =>
  pino({
    level,
    base: { service: 'replika' },
    redact: {
      paths: [
        'req.headers.authorization',
        '*.authorization',
        '*.token',
        'adminToken',
        '*.adminToken',
        'config.adminToken',
      ],
      remove: true,
    },
  });
