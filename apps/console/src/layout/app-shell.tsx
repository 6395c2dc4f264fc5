import { Suspense, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { useLogout } from "../features/accounts/api";
import { useCurrentUser } from "../features/accounts/current-user";
import { PasswordChangeDialog } from "../features/accounts/password-change-dialog";
import { passwordChangeStrings } from "../features/accounts/strings";
import { Loading } from "../shared/components/feedback";
import { Icon } from "../shared/components/icon";
import { roleLabel, strings } from "../shared/strings";
import { navGroupsFor } from "./navigation";

/** Header with the user and role, side navigation by role, and the page beside it. */
export function AppShell() {
  const user = useCurrentUser();
  const logout = useLogout();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [lastPath, setLastPath] = useState(location.pathname);
  // On a tablet the menu slides over the page; following a link closes it.
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setMenuOpen(false);
  }

  return (
    <div className={`shell${menuOpen ? " shell--menu-open" : ""}`}>
      <header className="shell__header">
        <button
          type="button"
          className="shell__menu-button"
          aria-label={strings.header.menu}
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <Icon name="menu" size={22} />
        </button>
        <div className="shell__brand">
          <span className="shell__emblem" aria-hidden="true">
            民
          </span>
          <span>
            <span className="shell__title">{strings.appName}</span>
            <span className="shell__office">{strings.office}</span>
          </span>
        </div>
        <div className="shell__user">
          <span className="visually-hidden">{strings.header.signedInAs}</span>
          <span className="shell__avatar" aria-hidden="true">
            {user.displayName.slice(0, 1)}
          </span>
          <span className="shell__user-text">
            <span className="shell__user-name">{user.displayName}</span>
            <span className="shell__user-role">{roleLabel(user.role)}</span>
          </span>
          <button type="button" className="button button--ghost-light" onClick={() => setPasswordOpen(true)}>
            {passwordChangeStrings.open}
          </button>
          <PasswordChangeDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
          <button
            type="button"
            className="button button--ghost-light"
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            <Icon name="logout" size={16} />
            {strings.header.signOut}
          </button>
        </div>
      </header>
      <nav id="main-nav" className="shell__nav" aria-label={strings.nav.label}>
        {navGroupsFor(user.role).map((group) => (
          <div key={group.label} className="nav-group">
            <div className="nav-group__label">{group.label}</div>
            <ul>
              {group.items.map((item) => (
                <li key={item.path}>
                  <NavLink
                    to={item.path}
                    className={({ isActive }) => `nav-link${isActive ? " nav-link--active" : ""}`}
                  >
                    <Icon name={item.icon} />
                    <span>{item.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <button
        type="button"
        className="shell__scrim"
        aria-hidden="true"
        tabIndex={-1}
        onClick={() => setMenuOpen(false)}
      />
      <main className="shell__main" id="main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
