import { ApiError } from '../../api/http';
import { useStaffSession } from '../../stores/staffSession';

/**
 * Sends a file as the request body (application/octet-stream) with the CSRF token: a large department list goes
 * as it is, without base64 or JSON around it. Errors come back in the server's one shape, as staffApi's do.
 */
export async function uploadFile<T>(path: string, file: Blob): Promise<T> {
  const session = useStaffSession();
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': session.csrfToken },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络不太好，没有连上。请稍后再试。');
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? '系统出了点问题，请稍后再试', error?.fields);
  }
  return data as T;
}
