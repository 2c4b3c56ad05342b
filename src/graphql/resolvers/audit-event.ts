import type { AuditEventResolvers } from '../generated.js';

/** A raw event of the log, with what its metadata says about who and why. */
export const AuditEvent: AuditEventResolvers = {
  position: (event) => event.position.toString(),
  stream: (event) => event.streamName,
  revision: (event) => event.revision.toString(),
  recordedAt: (event) => event.recordedAt,
  actor: (event) => (typeof event.metadata.actor === 'string' ? event.metadata.actor : null),
  correlationId: (event) =>
    typeof event.metadata.correlationId === 'string' ? event.metadata.correlationId : null,
};
