// Escalation to the Médiateur du Royaume over HTTP: the complainant reads the pack of their complaint (its deadlines
// and whole timeline, who acted by role only) to join to their referral; the unit records the Médiateur's file once,
// with the answer due 60 days after its receipt; a second record, a date after today and anyone else are refused with
// nothing written.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { request, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const COMMUNE = 'tanger';
const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-${unique}`, roles, ...(commune && { commune }) });
const complainant = () => as('mediator-complainant', ['citizen']);
const officer = () => as('mediator-officer', ['complaints-officer'], COMMUNE);
const filing = { commune: COMMUNE, kind: 'reclamation', category: 'voirie', text: 'Un nid-de-poule dangereux devant le 4 rue de Fès.' };

let step = 0;
function post(path: string, token: string, body: unknown) {
  step += 1;
  return request('POST', path, { token, body, headers: { 'idempotency-key': `mediator-${step}-${unique}` } });
}

describe('escalation to the Médiateur', () => {
  it('gives the complainant the pack of the file, and records the Médiateur’s file once', async () => {
    const filed = await post('/v1/complaints', await complainant(), filing);
    expect(filed.status, filed.text).toBe(201);
    const id = String(filed.json.id);
    expect((await post(`/v1/complaints/${id}/acknowledgment`, await officer(), {})).status).toBe(200);

    const pack = await request('GET', `/v1/complaints/${id}/mediator-pack`, { token: await complainant() });
    expect(pack.status, pack.text).toBe(200);
    expect(pack.json.complaint).toMatchObject({ id, status: 'acknowledged', text: filing.text });
    expect(pack.json.deadlines).toMatchObject([
      { name: 'acknowledgment', met: true },
      { name: 'answer', met: null },
    ]);
    expect((pack.json.timeline as { type: string; byRole: string }[]).map((entry) => [entry.type, entry.byRole])).toEqual([
      ['filed', 'citizen'],
      ['acknowledged', 'complaints-officer'],
    ]);
    expect(pack.text).not.toContain(`mediator-officer-${unique}`);
    for (const stranger of [await as('neighbour', ['citizen']), await as('officer-elsewhere', ['complaints-officer'], 'agadir')]) {
      expect((await request('GET', `/v1/complaints/${id}/mediator-pack`, { token: stranger })).status).toBe(403);
    }

    // The platform's today is the Moroccan date of its clock.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date(String((await request('GET', '/_local/clock')).json.now)));
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await post(`/v1/complaints/${id}/mediator-referral`, await officer(), { reference: 'MR-E2E-1', receivedOn: tomorrow });
    expect(future.status).toBe(400);
    expect(future.json.errors?.map((issue) => issue.pointer)).toEqual(['/body/receivedOn']);
    expect((await post(`/v1/complaints/${id}/mediator-referral`, await complainant(), { reference: 'MR-E2E-1', receivedOn: today })).status).toBe(403);

    const referred = await post(`/v1/complaints/${id}/mediator-referral`, await officer(), { reference: 'MR-E2E-1', receivedOn: today });
    expect(referred.status, referred.text).toBe(200);
    const due = new Date(Date.parse(`${today}T12:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
    expect(referred.json.mediatorReferral).toMatchObject({ reference: 'MR-E2E-1', receivedOn: today, answerDueOn: due, answerDays: 60 });
    expect((await post(`/v1/complaints/${id}/mediator-referral`, await officer(), { reference: 'MR-E2E-2', receivedOn: today })).status).toBe(409);

    const history = await request('GET', `/v1/complaints/${id}/history`, { token: await complainant() });
    expect((history.json.items as { type: string }[]).map((event) => event.type)).toEqual(['filed', 'acknowledged', 'referred-to-mediator']);
    const afterwards = await request('GET', `/v1/complaints/${id}/mediator-pack`, { token: await officer() });
    expect(afterwards.json.mediatorReferral).toMatchObject({ reference: 'MR-E2E-1', answerDueOn: due });
  });
});
