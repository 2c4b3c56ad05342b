import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { signIn, signOut, viewer } from '../lib/session';

/** Sign in with a token (a password field; kept in sessionStorage only) or show who is signed in. */
export function SignIn() {
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const who = viewer.value;
  if (who?.authenticated) {
    const name = who.regency ? `${who.regency.name} (${who.role})` : (who.role ?? '');
    return (
      <p class="row" data-signed-in={who.role ?? ''}>
        <span>{t('signedInAs', { who: name })}</span>
        <button type="button" class="secondary" onClick={signOut}>
          {t('signOut')}
        </button>
      </p>
    );
  }
  return (
    <form
      class="form panel"
      aria-labelledby="signin-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        try {
          await signIn(secret.trim());
          setSecret('');
        } catch {
          setError(t('badToken'));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="signin-title">{t('signInTitle')}</h2>
      <label>
        {t('tokenLabel')}
        <input
          type="password"
          name="token"
          autocomplete="off"
          required
          value={secret}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby="token-help token-error"
          onInput={(e) => setSecret(e.currentTarget.value)}
        />
      </label>
      <small id="token-help" class="sub">
        {t('tokenHelp')}
      </small>
      <span id="token-error" class="field-error" role="alert">
        {error ?? ''}
      </span>
      <div>
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
      </div>
    </form>
  );
}
