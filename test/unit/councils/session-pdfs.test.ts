// A session's convocation and minutes as bilingual PDFs: the meeting, its agenda and its papers' SHA-256 on the
// convocation; each sitting's attendance and quorum, each decision with its counts on the minutes; both readable
// back in French and in Arabic.
import { describe, expect, it } from 'vitest';
import { renderConvocationPdf, renderMinutesPdf } from '../../../functions/councils/adapters/session-pdfs.ts';
import { completePaper, declarePaper } from '../../../functions/councils/domain/agenda-papers.ts';
import type { CouncilBody } from '../../../functions/councils/domain/council-body.ts';
import { defaultCouncilSettings } from '../../../functions/councils/domain/council-settings.ts';
import { adoptDeliberation } from '../../../functions/councils/domain/deliberation.ts';
import { addAgendaItem, closeAgenda, closeSession, convene, openSitting, planSession, recordDecision, voteOnItem } from '../../../functions/councils/domain/session.ts';
import { startOfMoroccanDate } from '../../../functions/shared/statutory-clock/moroccan-day.ts';
import { extractText } from '../../fixtures/pdf/pdf-reading.ts';

const at = (date: string, hours: number) => new Date(startOfMoroccanDate(date).getTime() + hours * 3_600_000);
const body: CouncilBody = {
  id: 'rabat',
  type: 'commune', territory: { province: 'rabat', region: 'rabat-sale-kenitra' },
  name: { ar: 'جماعة الرباط', fr: 'Commune de Rabat' },
  members: Array.from({ length: 5 }, (_, index) => ({ id: `m${index + 1}`, name: `Membre ${index + 1}`, role: index === 0 ? ('president' as const) : ('member' as const), inOffice: true, since: '2021-09-20' })),
  groups: [],
  version: 1,
  updatedAt: '2027-01-01T00:00:00.000Z',
};
const settings = defaultCouncilSettings('rabat', 'commune');
const secretary = { sub: 's1', role: 'council-secretary' };
const sha256 = 'ab'.repeat(32);

function convened() {
  const now = at('2027-09-20', 9);
  let session = planSession('11111111-1111-8111-8111-111111111111', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Session d’octobre', location: 'Salle des délibérations', start: at('2027-10-12', 10).toISOString() }, body, settings, secretary, now).session;
  session = addAgendaItem(session, { title: 'Budget 2028', text: 'Le budget', itemType: 'budget', origin: 'president', public: true }, secretary, now).session;
  session = declarePaper(session, 1, { id: 'p1', name: 'projet-budget.pdf', contentType: 'application/pdf', sizeBytes: 1234, sha256 }, secretary, now).session;
  session = completePaper(session, 1, 'p1', { sha256, sizeBytes: 1234, content: Buffer.from('%PDF-1.4') }, { verdict: 'not-scanned', tag: 'NOT_SCANNED_LOCALLY' }, { sub: 's1', roles: ['council-secretary'], commune: 'rabat' }, now)!.session;
  return convene(closeAgenda(session, secretary, now).session, settings, secretary, now).session;
}

const textOf = async (pdf: Uint8Array) => (await extractText(pdf)).map((item) => item.text).join(' ');

describe("a session's PDFs", () => {
  it('convene a meeting with its day and hour in Morocco, its agenda and its papers by their SHA-256, in French and Arabic', async () => {
    const text = await textOf(await renderConvocationPdf(body, convened(), 1));
    for (const shown of ['Convocation du conseil', 'استدعاء لحضور اجتماع المجلس', '12/10/2027 10:00', 'Salle des délibérations', '1. Budget 2028', 'projet-budget.pdf', sha256.slice(0, 16), 'Commune de Rabat', 'جماعة الرباط']) {
      expect(text).toContain(shown);
    }
  });

  it('record the minutes: each sitting with its attendance and quorum, each decision with its counts', async () => {
    let session = convened();
    session = openSitting(session, body, settings, { present: ['m1', 'm2', 'm3'], proxies: [{ from: 'm4', to: 'm2' }] }, new Set(), secretary, at('2027-10-12', 10)).session;
    const vote = voteOnItem(session, body, settings, 1, [{ member: 'm1', choice: 'for' }, { member: 'm2', choice: 'for' }, { member: 'm4', choice: 'against', byProxyOf: 'm2' }, { member: 'm3', choice: 'abstain' }]);
    const deliberation = adoptDeliberation(session, vote, 7, 2027, secretary, at('2027-10-12', 11)).deliberation;
    session = recordDecision(session, vote, { deliberationId: deliberation.id, number: deliberation.number, outcome: 'adopted' }, secretary, at('2027-10-12', 11)).session;
    session = closeSession(session, secretary, at('2027-10-12', 12)).session;
    const text = await textOf(await renderMinutesPdf(body, session, [deliberation]));
    for (const shown of ['Procès-verbal de la session', 'محضر الدورة', 'Membre 1', 'Membre 4', '3 / 3', 'le conseil délibère', `délibération n° ${deliberation.number} adoptée`, '2 / 1 / 1', '12/10/2027 12:00']) {
      expect(text).toContain(shown);
    }
  });
});
