import type { Decider } from '../shared/decider.js';
import { badInput, conflict, notFound } from '../shared/errors.js';
import {
  type AccessEvent,
  type AccessState,
  type AccessTokenIssued,
  type AccessTokenRevoked,
  evolve,
  initialState,
} from './events.js';

export type IssueAccessToken = { type: 'IssueAccessToken'; data: AccessTokenIssued };
export type RevokeAccessToken = { type: 'RevokeAccessToken'; data: AccessTokenRevoked };
export type AccessCommand = IssueAccessToken | RevokeAccessToken;

export function decide(command: AccessCommand, state: AccessState): AccessEvent[] {
  switch (command.type) {
    case 'IssueAccessToken': {
      const { role, regencyCode } = command.data;
      if (state.status !== 'none')
        throw conflict('id', `access token ${command.data.tokenId} is already issued`);
      if (role === 'REGENCY' && !regencyCode)
        throw badInput('regencyCode', 'a REGENCY token needs the regencyCode it speaks for');
      if (role !== 'REGENCY' && regencyCode)
        throw badInput(
          'regencyCode',
          `a ${role} token speaks for no single regency; omit regencyCode`,
        );
      return [{ type: 'AccessTokenIssued', data: command.data }];
    }
    case 'RevokeAccessToken':
      if (state.status === 'none')
        throw notFound('tokenId', `access token ${command.data.tokenId} is not issued`);
      if (state.status === 'revoked')
        throw conflict('tokenId', `access token ${command.data.tokenId} is already revoked`);
      return [{ type: 'AccessTokenRevoked', data: command.data }];
  }
}

export const accessDecider: Decider<AccessCommand, AccessEvent, AccessState> = {
  decide,
  evolve,
  initialState,
};
