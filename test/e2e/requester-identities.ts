// Every public reply of the e2e run is checked for the identity of every access-to-information requester the run has
// filed so far: the workers of the run share the list in one file (a line per filing, appended), so a requester
// filed in one story is looked for in the public replies of all the others.
import { appendFileSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';

interface Identity {
  readonly name: string;
  readonly number: string;
  readonly email?: string;
}

/** The routes whose bodies name a requester: filed online, registered by an agent. */
const FILINGS = new Set(['/v1/transparency/requests', '/v1/transparency/registered-requests']);

/** Public routes that are not data: the API's documentation, whose examples are made up, and the local controls. */
const NOT_DATA = /^\/(openapi\.json|docs|_local)(\/|$|\?)/;

function identities(): Identity[] {
  try {
    return readFileSync(inject('requesterIdentitiesFile'), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Identity);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Adds the requester of a filing the platform accepted to the run's list. */
export function rememberRequester(method: string, path: string, status: number, body: unknown): void {
  if (method !== 'POST' || !FILINGS.has(path.split('?')[0]!) || status !== 201) return;
  const requester = (body as { requester?: { name?: string; identityDocument?: { number?: string }; email?: string } } | undefined)?.requester;
  if (!requester?.name || !requester.identityDocument?.number) return;
  const identity: Identity = { name: requester.name, number: requester.identityDocument.number, ...(requester.email && { email: requester.email }) };
  appendFileSync(inject('requesterIdentitiesFile'), `${JSON.stringify(identity)}\n`);
}

/** What of a requester's identity a public reply carries, or undefined when it carries none. */
export function requesterIdentityIn(path: string, text: string): string | undefined {
  if (NOT_DATA.test(path)) return undefined;
  for (const identity of identities()) {
    const found = [identity.name, identity.number, identity.email].find((trace) => trace !== undefined && text.includes(trace));
    if (found) return found;
  }
  return undefined;
}
