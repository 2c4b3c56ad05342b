/** The workbench's only way to the server: POST /graphql, like any other client of the API. */

export interface GraphQLErrorItem {
  message: string;
  extensions?: { code?: string; field?: string };
}

export class ApiError extends Error {
  constructor(readonly errors: GraphQLErrorItem[]) {
    super(errors.map((e) => e.message).join('; '));
  }
  /** The first error message per input field (`occurredOn`, `evidence.0.url`, …). */
  byField(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const error of this.errors) {
      const field = error.extensions?.field;
      if (field && !(field in fields)) fields[field] = error.message;
    }
    return fields;
  }
  /** Errors not about one field (FORBIDDEN, CONFLICT, …). */
  general(): string[] {
    return this.errors.filter((e) => !e.extensions?.field).map((e) => e.message);
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/**
 * Shows a failed request on its form: the API's errors at their fields and the rest above them,
 * anything else as a general error. True when the server answered with a refusal (it wrote
 * nothing, so a corrected submission is a new one) rather than the network failing.
 */
export function showFailure(
  error: unknown,
  setErrors: (errors: Record<string, string>) => void,
  setGeneral: (general: string[]) => void,
): boolean {
  if (!(error instanceof ApiError)) {
    setGeneral([String(error)]);
    return false;
  }
  setErrors(error.byField());
  setGeneral(error.general());
  return error.code !== 'NETWORK';
}

/**
 * Sends one operation. The signed-in token (kept in sessionStorage) goes with every request, so
 * reads work where the server requires a token for them too; `null` sends none.
 */
export async function gql<T>(
  query: string,
  variables?: Record<string, unknown>,
  explicitToken?: string | null,
): Promise<T> {
  const token =
    explicitToken === undefined ? sessionStorage.getItem('replika.token') : explicitToken;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError([{ message: 'network', extensions: { code: 'NETWORK' } }]);
  }
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: GraphQLErrorItem[];
  };
  if (body.errors?.length) throw new ApiError(body.errors);
  if (!body.data) throw new ApiError([{ message: `HTTP ${response.status}` }]);
  return body.data;
}

/** A fresh idempotency key: one per submission, reused when the same submission is retried. */
export const newIdempotencyKey = () => `web-${crypto.randomUUID()}`;
