import { useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useAuth } from '../auth';

export function LoginPage() {
  const { user, signIn } = useAuth();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next && next.startsWith('/ui/') ? next : '/ui/alerts';
  if (user) return <Navigate to={target} replace />;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(key.trim());
      navigate(target, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.unauthorized)
        setError('This key is not valid or has been revoked. Ask your administrator for a new one.');
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand brand-login">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>
          vigil
        </div>
        <h1 id="login-title">Sign in to the screening console</h1>
        <p className="sub">
          Use the API key your administrator gave you. It identifies you in the audit log of every
          decision you record.
        </p>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          placeholder="vk_…"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          required
          autoFocus
        />
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy || !key.trim()}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p className="fine">
          The key is kept only in this browser tab and is forgotten when you close it.
        </p>
      </form>
    </div>
  );
}
