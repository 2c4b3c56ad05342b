import { v7 } from 'uuid';

/**
 * New ids (events, milestones, visits, tokens, correlations) are UUIDv7 (RFC 9562): they start
 * with the time they were made, so the event log's and the read model's id indexes grow at their
 * end instead of at random places — what keeps appends and rebuilds fast once those indexes no
 * longer fit in memory. They stay valid UUIDs for every schema that asks for one.
 */
export const newId = (): string => v7();
