/**
 * A browser-like client for app.inject(): it keeps cookies between requests and echoes the CSRF
 * cookie in the X-CSRF-Token header, as the web app does.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_PASSWORD } from './builders.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TestClient {
  cookies: Map<string, string>;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function createClient(app: FastifyInstance): TestClient {
  const cookies = new Map<string, string>();
  async function request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await app.inject({
      method,
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: { 'x-csrf-token': cookies.get('waymark_csrf') ?? '', ...headers },
      cookies: Object.fromEntries(cookies),
    });
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const cleared =
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (cleared) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    return response;
  }
  return {
    cookies,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

/** A client signed in as the given user (who must have the test password). */
export async function signedInClient(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<TestClient> {
  const client = createClient(app);
  await client.get('/api/auth/session');
  const response = await client.post('/api/auth/sign-in', { email, password });
  if (response.statusCode !== 200) throw new Error(`Sign-in as ${email} failed: ${response.body}`);
  return client;
}
