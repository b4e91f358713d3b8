/**
 * The one way pages talk to the API: JSON in and out, the CSRF token echoed on every change, and
 * errors turned into ApiError with the server's code and per-field messages. Pages call it through
 * their feature's `*.api.ts` hooks, not directly (checked by `npm run lint`).
 */
import { ApiError } from './errors.ts';

export { ApiError, type FieldError } from './errors.ts';

function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)waymark_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]!) : '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let onSignedOut: ((code: string) => void) | undefined;
/** Called when any request finds the session gone, so the app can return to the sign-in page. */
export function whenSignedOut(callback: (code: string) => void) {
  onSignedOut = callback;
}

export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  // A file upload goes as the browser's multipart form; anything else as JSON.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'network.unreachable',
      'Waymark could not be reached. Check your connection and try again.',
    );
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? `The request failed (${response.status}).`,
      error?.fields ?? [],
    );
    if (response.status === 401 && !path.startsWith('/api/auth/')) onSignedOut?.(apiError.code);
    throw apiError;
  }
  return payload as T;
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
