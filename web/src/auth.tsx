// Who is signed in. The key is checked against GET /whoami at sign-in and on
// reload; the role it returns decides what the console shows (a viewer sees
// no decision buttons, only an admin sees Admin). The server enforces the same
// rules: hiding a button is a courtesy, not the access control.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { request, storedKey, storeKey } from './api/client';
import type { Role, Whoami } from './api/types';

interface AuthState {
  user: Whoami | null;
  checking: boolean;
  signIn(key: string): Promise<void>;
  signOut(): void;
}

const AuthContext = createContext<AuthState | null>(null);

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
export function roleAtLeast(user: Whoami | null, role: Role): boolean {
  return !!user && RANK[user.role] >= RANK[role];
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Whoami | null>(null);
  const [checking, setChecking] = useState<boolean>(() => storedKey() !== null);

  useEffect(() => {
    const key = storedKey();
    if (!key) return;
    request<Whoami>('/whoami', { key })
      .then(setUser)
      .catch(() => storeKey(null))
      .finally(() => setChecking(false));
  }, []);

  const signOut = useCallback(() => {
    storeKey(null);
    setUser(null);
  }, []);

  useEffect(() => {
    const onUnauthorized = () => signOut();
    window.addEventListener('vigil:unauthorized', onUnauthorized);
    return () => window.removeEventListener('vigil:unauthorized', onUnauthorized);
  }, [signOut]);

  const signIn = useCallback(async (key: string) => {
    const who = await request<Whoami>('/whoami', { key });
    storeKey(key);
    setUser(who);
  }, []);

  const value = useMemo(
    () => ({ user, checking, signIn, signOut }),
    [user, checking, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
