// The frame of every signed-in page: the product name, the navigation (by
// role), who is signed in, and the page itself. Unsigned visitors go to login.
import { useEffect, useRef } from 'react';
import { NavLink, Navigate, Outlet, useLocation } from 'react-router';
import { roleAtLeast, useAuth } from '../auth';

export function Layout() {
  const { user, checking, signOut } = useAuth();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // After a page change, move focus from the navigation to the page (unless
  // the page focused a field itself), so its keyboard shortcuts work at once
  // and a screen reader starts reading the new page.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('.topbar'))
      mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  if (checking) return <p className="boot">Checking your key…</p>;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/ui/login?next=${next}`} replace />;
  }
  const links: [string, string][] = [
    ['/ui/alerts', 'Alerts'],
    ['/ui/screen', 'Screen'],
    ['/ui/batch', 'Batch'],
    ['/ui/cases', 'Cases'],
    ['/ui/dashboard', 'Dashboard'],
  ];
  if (roleAtLeast(user, 'admin')) links.push(['/ui/admin', 'Admin']);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>
          vigil
        </div>
        <nav aria-label="Main" className="mainnav">
          {links.map(([to, label]) => (
            <NavLink key={to} to={to} className={({ isActive }) => (isActive ? 'active' : '')}>
              {label}
            </NavLink>
          ))}
        </nav>
        <div className="who" data-testid="whoami">
          <span className="who-name">{user.name}</span>
          <span className={`role role-${user.role}`}>{user.role}</span>
          <button type="button" className="link" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
    </div>
  );
}
