/** Calls the API as the page's signed-in user, for setting up a journey's starting point quickly. */
import type { Page } from 'playwright-core';

export async function apiAs(page: Page) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'waymark_csrf')?.value ?? '';
  const call = async (
    method: 'POST' | 'PUT',
    path: string,
    options: {
      data?: unknown;
      multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
    },
  ) => {
    const response = await page.request.fetch(path, {
      method,
      headers: { 'x-csrf-token': csrf },
      ...options,
    });
    if (!response.ok())
      throw new Error(`${method} ${path} failed: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    post: (path: string, data: unknown) => call('POST', path, { data }),
    put: (path: string, data: unknown) => call('PUT', path, { data }),
    upload: (
      path: string,
      fields: Record<string, string>,
      file: { name: string; mimeType: string; buffer: Buffer },
    ) => call('POST', path, { multipart: { ...fields, file } }),
  };
}
