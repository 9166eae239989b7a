// A session's convocation and minutes as bilingual PDFs (French left, Arabic right, shaped), through the shared
// renderer's public function as the deliberation's PDF does. The convocation: the meeting (round, day and hour in
// Morocco, place), the agenda and its papers with their SHA-256. The minutes: each sitting with its attendance,
// proxies and the quorum of article 42, each item with what was decided, and the close.
import { renderBilingualPdf, type BilingualText, type DocumentRow } from '../../shared/pdf/bilingual-document.ts';
import { formatMoroccanInstant } from '../../shared/statutory-clock/moroccan-day.ts';
import { printedDate } from '../../shared/time/morocco-time.ts';
import { attachedPapers } from '../domain/agenda-papers.ts';
import type { CouncilBody } from '../domain/council-body.ts';
import type { Deliberation } from '../domain/deliberation.ts';
import type { Round } from '../domain/quorum.ts';
import type { AgendaItem, Session } from '../domain/session.ts';

const KINDS: Record<Session['kind'], BilingualText> = {
  ordinary: { fr: 'Session ordinaire', ar: 'دورة عادية' },
  extraordinary: { fr: 'Session extraordinaire', ar: 'دورة استثنائية' },
};

/** An instant as printed: its day and hour in Morocco (written in Morocco's offset first). */
function printedInstant(instant: string): string {
  const local = formatMoroccanInstant(new Date(instant));
  return `${printedDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

const issuerOf = (body: CouncilBody): BilingualText => ({ fr: `Royaume du Maroc\n${body.name.fr}`, ar: `المملكة المغربية\n${body.name.ar}` });

function itemLine(item: AgendaItem): BilingualText {
  const closed = item.public ? { fr: '', ar: '' } : { fr: ' (huis clos)', ar: ' (جلسة سرية)' };
  return { fr: `${item.number}. ${item.title}${closed.fr}`, ar: `${item.number}. ${item.title}${closed.ar}` };
}

/** The convocation to meeting `round` of the session, with its agenda and the papers attached to it. */
export function renderConvocationPdf(body: CouncilBody, session: Session, round: Round): Promise<Uint8Array> {
  const convocation = session.convocations.find((candidate) => candidate.round === round);
  if (!convocation) throw new Error(`session ${session.id} has no convocation to meeting ${round}`);
  const papers = session.agenda.flatMap((item) => attachedPapers(item).map((paper) => `${item.number}. ${paper.name} — ${paper.sizeBytes} o — SHA-256 ${paper.sha256}`));
  const rows: DocumentRow[] = [
    { label: { fr: 'Session', ar: 'الدورة' }, value: { fr: `${KINDS[session.kind].fr} — ${session.name}`, ar: `${KINDS[session.kind].ar} — ${session.name}` } },
    { label: { fr: 'Réunion', ar: 'الاجتماع' }, value: String(round) },
    { label: { fr: 'Date et heure', ar: 'التاريخ والساعة' }, value: printedInstant(convocation.start) },
    { label: { fr: 'Lieu', ar: 'المكان' }, value: { fr: session.location, ar: session.location } },
    { label: { fr: 'Convoquée le', ar: 'تاريخ الاستدعاء' }, value: printedInstant(convocation.convenedAt) },
  ];
  const agenda = session.agenda.map(itemLine);
  return renderBilingualPdf({
    issuer: issuerOf(body),
    title: { fr: 'Convocation du conseil', ar: 'استدعاء لحضور اجتماع المجلس' },
    reference: `${session.id}/${round}`,
    issuedAt: convocation.convenedAt,
    rows,
    notes: [
      ...(round > 1
        ? [
            round === 2
              ? { fr: "Le quorum n'ayant pas été atteint, le conseil est convoqué à une deuxième réunion, avec le même quorum.", ar: 'لعدم اكتمال النصاب، يستدعى المجلس لاجتماع ثان بالنصاب نفسه.' }
              : { fr: "Le quorum n'ayant pas été atteint à la deuxième réunion, le conseil délibère à cette troisième réunion quel que soit le nombre des présents.", ar: 'لعدم اكتمال النصاب في الاجتماع الثاني، يتداول المجلس في هذا الاجتماع الثالث كيفما كان عدد الحاضرين.' },
          ]
        : []),
      { fr: `Ordre du jour :\n${agenda.map((line) => line.fr).join('\n')}`, ar: `جدول الأعمال:\n${agenda.map((line) => line.ar).join('\n')}` },
      ...(papers.length > 0 ? [{ fr: `Documents joints :\n${papers.join('\n')}`, ar: `الوثائق المرفقة:\n${papers.join('\n')}` }] : []),
    ],
  });
}

const OUTCOMES: Record<Deliberation['result']['outcome'], BilingualText> = { adopted: { fr: 'adoptée', ar: 'مصادق عليها' }, rejected: { fr: 'rejetée', ar: 'مرفوضة' } };

/** The minutes of a closed session: its sittings with attendance and quorum, its decisions with their counts. */
export function renderMinutesPdf(body: CouncilBody, session: Session, deliberations: readonly Deliberation[]): Promise<Uint8Array> {
  if (!session.closedAt) throw new Error(`session ${session.id} is not closed`);
  const nameOf = (id: string) => body.members.find((member) => member.id === id)?.name ?? id;
  const rows: DocumentRow[] = [
    { label: { fr: 'Session', ar: 'الدورة' }, value: { fr: `${KINDS[session.kind].fr} — ${session.name}`, ar: `${KINDS[session.kind].ar} — ${session.name}` } },
    { label: { fr: 'Lieu', ar: 'المكان' }, value: { fr: session.location, ar: session.location } },
    ...session.sittings.map((sitting): DocumentRow => {
      const quorum = `${sitting.quorum.counted} / ${sitting.quorum.required}`;
      return {
        label: { fr: `Réunion ${sitting.round}, ${printedDate(sitting.date)}`, ar: `الاجتماع ${sitting.round}، ${printedDate(sitting.date)}` },
        value: sitting.quorum.mayDeliberate
          ? { fr: `Présents / quorum : ${quorum} — le conseil délibère`, ar: `الحاضرون / النصاب: ${quorum} — يتداول المجلس` }
          : { fr: `Présents / quorum : ${quorum} — quorum non atteint`, ar: `الحاضرون / النصاب: ${quorum} — لم يكتمل النصاب` },
      };
    }),
    { label: { fr: 'Clôture', ar: 'الاختتام' }, value: printedInstant(session.closedAt) },
  ];
  const attendance = session.sittings.map((sitting) => {
    const present = sitting.present.map(nameOf).join(', ');
    const proxies = sitting.proxies.map((proxy) => `${nameOf(proxy.from)} → ${nameOf(proxy.to)}`).join(', ');
    return {
      fr: `Réunion ${sitting.round} — présents : ${present || 'aucun'}${proxies ? ` ; procurations : ${proxies}` : ''}`,
      ar: `الاجتماع ${sitting.round} — الحاضرون: ${present || 'لا أحد'}${proxies ? `؛ التوكيلات: ${proxies}` : ''}`,
    };
  });
  const decisions = session.agenda.map((item) => {
    const deliberation = deliberations.find((candidate) => candidate.id === item.decision?.deliberationId);
    const line = itemLine(item);
    if (!deliberation) return { fr: `${line.fr} : non délibéré`, ar: `${line.ar}: لم يتداول فيه` };
    const counts = deliberation.result.counts;
    const tally = `${counts.for} / ${counts.against} / ${counts.abstain}`;
    return {
      fr: `${line.fr} : délibération n° ${deliberation.number} ${OUTCOMES[deliberation.result.outcome].fr} (pour / contre / abstention : ${tally})`,
      ar: `${line.ar}: المداولة رقم ${deliberation.number} ${OUTCOMES[deliberation.result.outcome].ar} (موافق / معارض / ممتنع: ${tally})`,
    };
  });
  return renderBilingualPdf({
    issuer: issuerOf(body),
    title: { fr: 'Procès-verbal de la session', ar: 'محضر الدورة' },
    reference: session.id,
    issuedAt: session.closedAt,
    rows,
    notes: [...attendance, { fr: `Décisions :\n${decisions.map((line) => line.fr).join('\n')}`, ar: `المقررات:\n${decisions.map((line) => line.ar).join('\n')}` }],
  });
}
