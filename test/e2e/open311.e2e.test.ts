// Open311 GeoReport v2 as a generic client uses it, over HTTP on the local platform: it discovers the services of a
// jurisdiction and a service's attributes, posts a request as an HTML form with the standard's contact fields, reads
// it back by id, by token and in a window of requests, and meets the standard's error list. Each reply is checked
// against the standard's field names and types with ajv, and no public read carries the complainant's data.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { request, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const JURISDICTION = 'marrakech';
const ajv = new Ajv2020({ allErrors: true });

const w3DateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' };
/** GeoReport v2's fields, as the standard lists them for each resource (JSON representation). */
const STANDARD = {
  services: { type: 'array', items: { type: 'object', required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'], properties: { service_code: { type: 'string' }, service_name: { type: 'string' }, description: { type: 'string' }, metadata: { type: 'boolean' }, type: { enum: ['realtime', 'batch', 'blackbox'] }, keywords: { type: 'string' }, group: { type: 'string' } } } },
  definition: {
    type: 'object',
    required: ['service_code', 'attributes'],
    properties: {
      service_code: { type: 'string' },
      attributes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
          properties: { variable: { type: 'boolean' }, code: { type: 'string' }, datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] }, required: { type: 'boolean' }, order: { type: 'integer' }, values: { type: 'array', items: { type: 'object', required: ['key', 'name'] } } },
        },
      },
    },
  },
  created: { type: 'array', minItems: 1, items: { type: 'object', anyOf: [{ required: ['service_request_id'] }, { required: ['token'] }], properties: { service_request_id: { type: 'string' }, token: { type: 'string' }, service_notice: { type: 'string' }, account_id: { type: 'string' } } } },
  requests: {
    type: 'array',
    items: {
      type: 'object',
      required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
      properties: { service_request_id: { type: 'string' }, status: { enum: ['open', 'closed'] }, status_notes: { type: 'string' }, service_name: { type: 'string' }, service_code: { type: 'string' }, agency_responsible: { type: 'string' }, requested_datetime: w3DateTime, updated_datetime: w3DateTime, expected_datetime: w3DateTime, address: { type: 'string' }, lat: { type: 'number' }, long: { type: 'number' } },
    },
  },
  errors: { type: 'array', minItems: 1, items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: { type: 'string' } } } },
};

function conforms(resource: keyof typeof STANDARD, body: unknown) {
  const validate = ajv.compile(STANDARD[resource]);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

async function get(path: string) {
  return request('GET', path.includes('?') ? path : `${path}?jurisdiction_id=${JURISDICTION}`);
}

describe('Open311 GeoReport v2', () => {
  it('lists the services of a jurisdiction and defines each with its attributes', async () => {
    const services = await get('/open311/v2/services.json');
    const definition = await get('/open311/v2/services/eclairage-public.json');

    expect(services.status).toBe(200);
    conforms('services', services.json);
    expect((services.json as unknown as { service_code: string }[]).map((service) => service.service_code)).toContain('eclairage-public');
    conforms('definition', definition.json);
    expect(definition.json).toMatchObject({ service_code: 'eclairage-public', attributes: [{ code: 'kind', datatype: 'singlevaluelist' }, { code: 'quarter' }] });
  });

  it('takes a request posted as a form and shows it publicly, by id, by token and in a window, without the complainant’s data', async () => {
    const citizen = await tokenFor({ sub: `open311-${unique}`, roles: ['citizen'] });
    const form = new URLSearchParams({
      api_key: 'ignored',
      jurisdiction_id: JURISDICTION,
      service_code: 'eclairage-public',
      description: 'Lampadaire éteint devant le n° 12, appelez-moi au 0612345678',
      lat: '31.629472',
      long: '-7.981084',
      address_string: '12 derb Sidi Bouloukat',
      email: 'fatima@example.ma',
      first_name: 'Fatima',
      last_name: 'Zahra',
      phone: '0612345678',
      'attribute[kind]': 'observation',
      'attribute[quarter]': 'Mouassine',
    });

    const created = await request('POST', '/open311/v2/requests.json', { token: citizen, rawBody: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    expect(created.status, created.text).toBe(201);
    conforms('created', created.json);
    const { service_request_id: id, token } = (created.json as unknown as { service_request_id: string; token: string }[])[0]!;
    const byId = await get(`/open311/v2/requests/${id}.json`);
    conforms('requests', byId.json);
    const [shown] = byId.json as unknown as Record<string, unknown>[];
    expect(shown).toMatchObject({ service_request_id: id, status: 'open', status_notes: 'submitted', raqmana_kind: 'observation', service_code: 'eclairage-public', address: 'Mouassine', lat: 31.629, long: -7.981 });
    expect(Date.parse(String(shown!.expected_datetime)) - Date.parse(String(shown!.requested_datetime))).toBeGreaterThan(59 * 86_400_000);
    for (const personal of ['0612345678', 'Fatima', 'Zahra', 'example.ma', 'Sidi Bouloukat', 'Lampadaire']) expect(byId.text).not.toContain(personal);
    expect((await get(`/open311/v2/tokens/${token}.json`)).json).toEqual([{ service_request_id: id, token }]);

    const now = Date.parse(String((await request('GET', '/_local/clock')).json.now));
    const around = (days: number) => encodeURIComponent(new Date(now + days * 86_400_000).toISOString());
    const window = `jurisdiction_id=${JURISDICTION}&service_code=eclairage-public,voirie&start_date=${around(-1)}&end_date=${around(1)}`;
    const open = await get(`/open311/v2/requests.json?${window}&status=open`);
    conforms('requests', open.json);
    expect((open.json as unknown as { service_request_id: string }[]).map((entry) => entry.service_request_id)).toContain(id);
    const closed = await get(`/open311/v2/requests.json?${window}&status=closed`);
    expect((closed.json as unknown as { service_request_id: string }[]).map((entry) => entry.service_request_id)).not.toContain(id);
    const named = await get(`/open311/v2/requests.json?jurisdiction_id=${JURISDICTION}&service_request_id=${id},${id}`);
    expect(named.json).toHaveLength(1);
  });

  it('answers errors as the standard’s list of code and description', async () => {
    const tooLong = await get(`/open311/v2/requests.json?jurisdiction_id=${JURISDICTION}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`);
    const unknownService = await get('/open311/v2/services/piscines.json');
    const unknownJurisdiction = await get('/open311/v2/services.json?jurisdiction_id=atlantis');
    const withoutJurisdiction = await request('GET', '/open311/v2/services.json');
    const badPost = await request('POST', '/open311/v2/requests.json', {
      token: await tokenFor({ sub: `open311-bad-${unique}`, roles: ['citizen'] }),
      rawBody: new URLSearchParams({ jurisdiction_id: JURISDICTION, service_code: 'piscines', description: 'x' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    for (const [reply, status] of [[tooLong, 400], [unknownService, 404], [unknownJurisdiction, 404], [withoutJurisdiction, 400], [badPost, 400]] as const) {
      expect(reply.status, reply.text).toBe(status);
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      conforms('errors', reply.json);
      expect((reply.json as unknown as { code: number }[])[0]!.code).toBe(status);
    }
  });
});
