import Keycloak from 'keycloak-js';

/** Where the console logs in, as the app reports it (GET /admin/api/console/config, no token needed). */
export interface ConsoleConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export interface StaffUser {
  username: string;
  name: string;
  roles: string[];
}

export const STAFF_ROLES = ['rule-author', 'rule-approver', 'operator', 'auditor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

// One Keycloak instance for the page's whole life: a second init() throws (React StrictMode renders twice).
let keycloak: Keycloak | null = null;
let started: Promise<StaffUser> | null = null;

/** Logs in (authorization code + PKCE, redirecting to Keycloak when needed) once, and returns the user. */
export function startLogin(): Promise<StaffUser> {
  if (!started) {
    started = (async () => {
      const response = await fetch(`${import.meta.env.BASE_URL}api/console/config`);
      if (!response.ok) {
        throw new Error(`console configuration: HTTP ${response.status}`);
      }
      const config = (await response.json()) as ConsoleConfig;
      keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
      await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
      return currentUser();
    })();
  }
  return started;
}

export function currentUser(): StaffUser {
  const token = keycloak?.tokenParsed as
    | { preferred_username?: string; name?: string; realm_access?: { roles?: string[] } }
    | undefined;
  const roles = (token?.realm_access?.roles ?? []).filter((r) => (STAFF_ROLES as readonly string[]).includes(r));
  const username = token?.preferred_username ?? '';
  return { username, name: token?.name || username, roles: roles.sort() };
}

/**
 * A token valid for at least 30 more seconds. Concurrent callers share one refresh (keycloak-js queues them);
 * when the session is gone the page goes back to the login page.
 */
export async function accessToken(): Promise<string> {
  if (!keycloak) {
    await startLogin();
  }
  const kc = keycloak!;
  try {
    await kc.updateToken(30);
  } catch {
    await kc.login();
    throw new Error('session expired');
  }
  return kc.token!;
}

export function logout(): void {
  void keycloak?.logout({ redirectUri: `${window.location.origin}${import.meta.env.BASE_URL}` });
}
