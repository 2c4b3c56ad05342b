import type { Decider } from '../shared/decider.js';
import { badInput, conflict } from '../shared/errors.js';
import {
  evolve,
  type InnovationEvent,
  type InnovationRegistered,
  type InnovationState,
  initialState,
} from './events.js';

export type RegisterInnovation = {
  type: 'RegisterInnovation';
  data: InnovationRegistered;
  /** Today in Indonesia (YYYY-MM-DD); a launch date after it is refused. */
  today?: string;
};
export type InnovationCommand = RegisterInnovation;

export function decide(command: InnovationCommand, state: InnovationState): InnovationEvent[] {
  switch (command.type) {
    case 'RegisterInnovation':
      if (state.status === 'registered')
        throw conflict(
          'id',
          `innovation "${command.data.innovationId}" is already registered; choose another id`,
        );
      if (command.today && command.data.launchedOn && command.data.launchedOn > command.today)
        throw badInput(
          'launchedOn',
          `${command.data.launchedOn} is in the future (today is ${command.today})`,
        );
      return [{ type: 'InnovationRegistered', data: command.data }];
  }
}

export const innovationDecider: Decider<InnovationCommand, InnovationEvent, InnovationState> = {
  decide,
  evolve,
  initialState,
};
