import type { Decider } from '../shared/decider.js';
import { conflict } from '../shared/errors.js';
import {
  evolve,
  type InnovationEvent,
  type InnovationRegistered,
  type InnovationState,
  initialState,
} from './events.js';

export type RegisterInnovation = { type: 'RegisterInnovation'; data: InnovationRegistered };
export type InnovationCommand = RegisterInnovation;

export function decide(command: InnovationCommand, state: InnovationState): InnovationEvent[] {
  switch (command.type) {
    case 'RegisterInnovation':
      if (state.status === 'registered')
        throw conflict(
          'id',
          `innovation "${command.data.innovationId}" is already registered; choose another id`,
        );
      return [{ type: 'InnovationRegistered', data: command.data }];
  }
}

export const innovationDecider: Decider<InnovationCommand, InnovationEvent, InnovationState> = {
  decide,
  evolve,
  initialState,
};
