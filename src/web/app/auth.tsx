/**
 * The logged-in user: loaded from /api/auth/me at start, set by login, cleared by logout or a 401;
 * marked as having to change the password when any call answers 403 E2009.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Spin } from 'antd';
import { PeriodsGate } from '../shared/periods-gate.js';
import { authApi, type Session, type SessionUser } from '../features/identity/identity-api.js';
import { ApiError, setCsrfToken, setPasswordChangeHandler, setUnauthorizedHandler } from '../shared/api.js';

interface AuthState {
  /** undefined while the first /me call runs; null when logged out. */
  user: SessionUser | null | undefined;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  /** Reads the user again (after changing one's own name or password); a gone session logs out. */
  refresh: () => Promise<void>;
  /** The reason the user was sent to the login page (session timeout), if any. */
  expiredError: ApiError | null;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [expiredError, setExpiredError] = useState<ApiError | null>(null);
  const navigate = useNavigate();

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setExpiredError(null);
    setUser(session.user);
    return session.user;
  }, []);

  useEffect(() => {
    let live = true;
    authApi
      .me()
      .then((s) => live && accept(s))
      .catch(() => live && setUser(null));
    return () => {
      live = false;
    };
  }, [accept]);

  useEffect(() => {
    setUnauthorizedHandler((err) => {
      setCsrfToken(null);
      setUser(null);
      setExpiredError(err);
      const here = window.location.pathname + window.location.search;
      if (!here.startsWith('/login')) navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [navigate]);

  useEffect(() => {
    setPasswordChangeHandler(() => setUser((u) => (u ? { ...u, mustChangePassword: true } : u)));
  }, []);

  const login = useCallback(
    async (username: string, password: string) => accept(await authApi.login(username, password)),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      setUser(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const refresh = useCallback(async () => {
    try {
      accept(await authApi.me());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setUser(null);
    }
  }, [accept]);

  const value = useMemo(() => ({ user, login, logout, refresh, expiredError }), [user, login, logout, refresh, expiredError]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The current user; only for components rendered inside RequireAuth. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}

export function isAdmin(user: SessionUser | null | undefined): boolean {
  return user?.role === 'SYSTEM_ADMIN' || user?.role === 'AREA_ADMIN';
}

/** Where a user lands after login: the dashboard, or data entry for facility reporters (no indicators). */
export function homePath(user: SessionUser | null | undefined): string {
  return user?.role === 'FACILITY_REPORTER' ? '/entry' : '/dashboard';
}

export function FullPageSpin() {
  return (
    <div style={{ height: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Renders its children for a logged-in user (optionally an admin); otherwise redirects. */
export function RequireAuth({ children, admin = false }: { children: ReactNode; admin?: boolean }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <FullPageSpin />;
  if (user === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (admin && !isAdmin(user)) return <Navigate to={homePath(user)} replace />;
  return <PeriodsGate userKey={user.username}>{children}</PeriodsGate>;
}
