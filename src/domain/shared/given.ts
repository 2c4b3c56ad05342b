import { expect } from 'vitest';
import type { Decider, DomainEvent } from './decider.js';
import { DomainError, type ErrorCode } from './errors.js';

/** Given/when/then for deciders: `given(decider, events).when(command).then(events)`. */
export function given<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: E[] = []) {
  const state = history.reduce(decider.evolve, decider.initialState);
  return {
    when(command: C) {
      const run = () => decider.decide(command, state);
      return {
        thenEmits(expected: E[]) {
          expect(run()).toEqual(expected);
        },
        thenRejects(code: ErrorCode, field?: string) {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
          if (field !== undefined) expect((error as DomainError).field).toBe(field);
          return error as DomainError;
        },
      };
    },
  };
}
