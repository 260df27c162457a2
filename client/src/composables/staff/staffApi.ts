import { ApiError, api } from '../../api/http';
import { useStaffSession } from '../../stores/staffSession';
import type { FormErrors } from '../useFormErrors';

export const EXPIRED_NOTICE = '为保护群众信息，长时间未操作已自动退出。请重新登录，刚才的页面会自动打开。';

/**
 * Every staff call goes through here: writes carry the CSRF token, and an ended session or a
 * required password change sends the person to the right page instead of showing a broken one.
 */
export async function staffApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const session = useStaffSession();
  const method = init.method ?? 'GET';
  try {
    return await api<T>(path, { method, body: init.body, headers: method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken } });
  } catch (error) {
    if (error instanceof ApiError) await redirectFor(error);
    throw error;
  }
}

async function redirectFor(error: ApiError): Promise<void> {
  const session = useStaffSession();
  if (error.status === 401) {
    session.forget(error.code === 'SESSION_EXPIRED' ? EXPIRED_NOTICE : '请先登录。');
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    session.requirePasswordChange();
  } else {
    return;
  }
  // Loaded on demand: the router imports the staff routes, which must not import this module back.
  const { router } = await import('../../router');
  const here = router.currentRoute.value;
  if (error.status === 401) await router.replace({ path: '/staff', query: here.path.startsWith('/staff/') ? { redirect: here.fullPath } : {} });
  else await router.replace({ path: '/staff/password', query: { redirect: here.fullPath } });
}

/** The message to show for a failed call, in words a person can act on. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '系统出了点问题，请稍后再试。';
}

/** Shows a failed call on its form: the server's problems by field, or else one message. */
export function showFailure(errors: FormErrors, error: unknown): void {
  if (error instanceof ApiError && Object.keys(error.fields).length) {
    // 'findings/health' and 'findings.health' both name a field inside an object.
    errors.show(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^\//, '').replace(/\//g, '.'), v])));
  } else {
    errors.clear();
    errors.message.value = messageOf(error);
  }
}
