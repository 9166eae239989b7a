// Duplicates suggested on filing: the grid cells a radius touches, the distance, the text said the same once
// normalised, and the suggestion recorded only when a candidate is close enough or says the same.
import { describe, expect, it } from 'vitest';
import { answerToldToDuplicates, cellOf, cellsWithin, distanceMeters, suggestDuplicates, textKey } from '../../../functions/complaints/domain/complaint-duplicates.ts';
import { acknowledgeComplaint, answerComplaint, assignComplaint, fileComplaint, qualifyComplaint } from '../../../functions/complaints/domain/complaint.ts';
import { DEFAULT_CATEGORIES } from '../../../functions/complaints/domain/complaint-settings.ts';
import { RULES } from './complaint-fixtures.ts';

const received = new Date('2026-06-01T09:15:42Z');
const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const point = { lat: 34.0132, long: -6.8326 };
const complaint = fileComplaint(
  { id: 'c-new', commune: 'rabat', kind: 'reclamation', category: 'voirie', text: 'Nid-de-poule devant l’école', channel: 'online', complainant: 'citizen-1', location: { point } },
  { category: DEFAULT_CATEGORIES[0]!, rules: RULES },
  received,
  new Set(),
  citizen,
  received,
).complaint;

describe('duplicates suggested on filing', () => {
  it('looks in every grid cell a 100 m circle touches, its own first among them', () => {
    const cells = cellsWithin(point, 100);

    expect(cells).toContain(cellOf(point));
    expect(cells.length).toBeLessThanOrEqual(4);
    // A point 90 m north is in one of them, wherever the cell edges fall.
    expect(cells).toContain(cellOf({ lat: point.lat + 90 / 111_195, long: point.long }));
  });

  it('measures great-circle distances in metres', () => {
    expect(Math.round(distanceMeters(point, { lat: point.lat + 0.001, long: point.long }))).toBe(111);
  });

  it('tells the same text in other spellings (accents, case, articles), and not another', () => {
    expect(textKey('Nid-de-poule devant l’école')).toBe(textKey('NID DE POULE devant l’Ecole'));
    expect(textKey('الإنارة العمومية معطلة')).toBe(textKey('الانارة العمومية معطلة'));
    expect(textKey('Nid-de-poule devant la mairie')).not.toBe(textKey('Nid-de-poule devant l’école'));
  });

  it('suggests the open complaints within the radius, nearest first, and those saying the same; never itself', () => {
    const change = suggestDuplicates(
      complaint,
      {
        nearby: [
          { id: 'c-new', point },
          { id: 'c-far', point: { lat: point.lat + 0.002, long: point.long } },
          { id: 'c-60m', point: { lat: point.lat + 0.00054, long: point.long } },
          { id: 'c-20m', point: { lat: point.lat, long: point.long + 0.00022 } },
        ],
        sameText: ['c-new', 'c-text', 'c-20m'],
      },
      received,
    );

    expect(change?.complaint.suggestedDuplicates).toEqual([
      { id: 'c-20m', reason: 'nearby', distanceMeters: 20 },
      { id: 'c-60m', reason: 'nearby', distanceMeters: 60 },
      { id: 'c-text', reason: 'same-text' },
    ]);
    expect(change?.event).toMatchObject({ type: 'duplicates-suggested', by: { role: 'system' } });
    expect(suggestDuplicates(complaint, { nearby: [{ id: 'c-far', point: { lat: point.lat + 0.002, long: point.long } }], sameText: [] }, received)).toBeUndefined();
  });

  it('tells the answer to the complainants of its duplicates, each once, about their own complaint; not its own complainant', () => {
    const officer = { sub: 'officer-1', role: 'complaints-officer' } as const;
    const acknowledged = acknowledgeComplaint(complaint, officer, received).complaint;
    const assigned = assignComplaint(qualifyComplaint(acknowledged, { decision: 'admissible' }, officer, received).complaint, 'voirie', officer, received).complaint;
    const answered = answerComplaint(assigned, { text: 'Rebouché le 3 juin', signedBy: 'Le Président' }, officer, received);

    const told = answerToldToDuplicates(answered.complaint, [
      { id: 'd-1', complainant: 'citizen-2' },
      { id: 'd-2', complainant: 'citizen-2' },
      { id: 'd-3', complainant: 'citizen-1' },
      { id: 'd-4' },
    ]);

    expect(answered.outbox?.map((event) => event.type)).toContain('complaint.answered');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ type: 'notification.requested', data: { recipient: 'citizen-2', topic: 'complaint-duplicate-answered', about: { id: 'd-1' } } });
    expect((told[0]!.data.message as { fr: string }).fr).toContain('Rebouché le 3 juin');
    expect(answerToldToDuplicates(complaint, [{ id: 'd-1', complainant: 'citizen-2' }])).toEqual([]);
  });
});
