import { choosePassword, type RunningServer } from '../../tests/e2e/support/server';

/**
 * A staff account of the bench's own, signed in: the cached databases keep the users of earlier runs, so
 * each run makes a fresh name. A password set through the CLI is temporary, so one is chosen first, as a
 * real person would at first login. Returns the session cookie.
 */
export async function benchLogin(server: RunningServer, username: string, role: string, township: string | null = null): Promise<string> {
  const temporary = 'bench-temporary-pass-1';
  const password = 'bench-chosen-pass-2';
  await server.admin(['create-user', '--username', username, '--role', role, ...(township ? ['--township', township] : []), '--password-stdin'], `${temporary}\n`);
  await choosePassword(server, username, temporary, password);
  const res = await fetch(`${server.url}/api/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`bench login as ${username} failed: ${res.status}`);
  return cookie;
}

/** A county admin of the bench's own, signed in (a fresh name each run); returns the session cookie. */
export function countyAdminLogin(server: RunningServer): Promise<string> {
  return benchLogin(server, `benchcc${Date.now().toString(36)}`, 'county_admin');
}
