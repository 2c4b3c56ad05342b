/** Error codes a client sees in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED';

/**
 * A rejected command: what went wrong, in words an officer can act on, and which input field
 * (dotted path inside the mutation input, e.g. `sites.0.name`) it is about.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (field: string, message: string) =>
  new DomainError('NOT_FOUND', message, field);
export const conflict = (field: string | undefined, message: string) =>
  new DomainError('CONFLICT', message, field);
export const forbidden = (field: string | undefined, message: string) =>
  new DomainError('FORBIDDEN', message, field);
