/** Starting points several journeys share, set up through the API as the school's staff would. */
import { completeAuditAnswers } from '../../apps/api/src/modules/demo/demo-providers.ts';
import { apiAs, approvedProviderVia } from './api.ts';
import { signIn, type useBrowser } from './browser.ts';

/** Riverside's AP lead and headteacher signed in, with a provider they have taken through approval. */
export async function riversideWithApprovedProvider(
  browser: ReturnType<typeof useBrowser>,
  providerName: string,
  details: Record<string, unknown> = {},
) {
  const lead = await browser.newPage();
  await signIn(lead, 'aplead@riverside.example');
  const head = await browser.newPage();
  await signIn(head, 'head@riverside.example');
  const leadApi = await apiAs(lead);
  const providerId = await approvedProviderVia(
    leadApi,
    await apiAs(head),
    providerName,
    completeAuditAnswers('yes'),
    details,
  );
  const { schools } = (await (await lead.request.get('/api/organisation')).json()) as {
    schools: { id: string; name: string }[];
  };
  return { lead, head, leadApi, providerId, schools };
}
