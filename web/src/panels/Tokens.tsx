import { useState } from 'preact/hooks';
import { ApiError, gql, newIdempotencyKey } from '../lib/api';
import { formatInstant, t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { token } from '../lib/session';
import { Field } from './Field';
import { Panel } from './Panel';

const TOKENS = `{ accessTokens { id role label issuedAt revoked regency { code name } } }`;
type Tokens = {
  accessTokens: Array<{
    id: string;
    role: string;
    label: string | null;
    issuedAt: string;
    revoked: boolean;
    regency: { code: string; name: string } | null;
  }>;
};
const ISSUE = `mutation WorkbenchIssue($input: IssueAccessTokenInput!) {
  issueAccessToken(input: $input) { token accessToken { id } }
}`;
const REVOKE = `mutation WorkbenchRevoke($input: RevokeAccessTokenInput!) { revokeAccessToken(input: $input) { id revoked } }`;

/** Issue and revoke access tokens (ADMIN); a new token is shown once and never stored here. */
export function Tokens() {
  const [changes, setChanges] = useState(0);
  const list = useQuery<Tokens>(TOKENS, undefined, { token: token.value, refresh: changes });
  const [role, setRole] = useState('REGENCY');
  const [regencyCode, setRegencyCode] = useState('');
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  return (
    <Panel id="tokens" title={t('tokensTitle')} state={list} wide>
      {(data) => (
        <>
          <form
            class="form"
            onSubmit={async (e) => {
              e.preventDefault();
              setBusy(true);
              setErrors({});
              try {
                const input = {
                  role,
                  ...(role === 'REGENCY' ? { regencyCode } : {}),
                  ...(label.trim() ? { label: label.trim() } : {}),
                  idempotencyKey: key,
                };
                const answer = await gql<{ issueAccessToken: { token: string | null } }>(
                  ISSUE,
                  { input },
                  token.value,
                );
                setIssued(answer.issueAccessToken.token ?? undefined);
                setKey(newIdempotencyKey());
                setChanges((n) => n + 1);
              } catch (err) {
                if (err instanceof ApiError)
                  setErrors({
                    ...err.byField(),
                    ...Object.fromEntries(
                      err
                        .general()
                        .slice(0, 1)
                        .map((g) => ['general', g]),
                    ),
                  });
                setKey(newIdempotencyKey());
              } finally {
                setBusy(false);
              }
            }}
          >
            <div class="row">
              <Field name="role" label={t('role')} error={errors.role}>
                {(props) => (
                  <select {...props} value={role} onChange={(e) => setRole(e.currentTarget.value)}>
                    <option value="REGENCY">REGENCY</option>
                    <option value="ANALYST">ANALYST</option>
                    <option value="ADMIN">ADMIN</option>
                  </select>
                )}
              </Field>
              {role === 'REGENCY' && (
                <Field name="regencyCode" label={t('regencyCode')} error={errors.regencyCode}>
                  {(props) => (
                    <input
                      {...props}
                      value={regencyCode}
                      placeholder="16.04"
                      onInput={(e) => setRegencyCode(e.currentTarget.value.trim())}
                    />
                  )}
                </Field>
              )}
              <Field name="label" label={t('label')} error={errors.label}>
                {(props) => (
                  <input
                    {...props}
                    value={label}
                    onInput={(e) => setLabel(e.currentTarget.value)}
                  />
                )}
              </Field>
              <button type="submit" disabled={busy}>
                {t('issueToken')}
              </button>
            </div>
            {errors.general && (
              <p class="error" role="alert">
                {errors.general}
              </p>
            )}
            {issued && (
              <p aria-live="polite">
                {t('newTokenShownOnce')}{' '}
                <code class="token" data-new-token>
                  {issued}
                </code>
              </p>
            )}
          </form>
          <div class="scroll">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t('role')}</th>
                  <th scope="col">{t('regency')}</th>
                  <th scope="col">{t('label')}</th>
                  <th scope="col">{t('issuedAt')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.accessTokens.map((a) => (
                  <tr key={a.id}>
                    <td>{a.role}</td>
                    <td>{a.regency?.name ?? '–'}</td>
                    <td>{a.label ?? '–'}</td>
                    <td>{formatInstant(a.issuedAt)}</td>
                    <td>
                      {a.revoked ? (
                        t('revoked')
                      ) : (
                        <button
                          type="button"
                          class="danger"
                          aria-label={`${t('revoke')}: ${a.label ?? a.regency?.name ?? a.id}`}
                          onClick={async () => {
                            await gql(
                              REVOKE,
                              { input: { tokenId: a.id, idempotencyKey: newIdempotencyKey() } },
                              token.value,
                            );
                            setChanges((n) => n + 1);
                          }}
                        >
                          {t('revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Panel>
  );
}
