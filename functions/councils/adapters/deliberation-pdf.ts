// A deliberation as a bilingual PDF (French left, Arabic right, shaped): its number, session, item, the rule
// applied, the counts and each member's vote. Rendered once from its event and stored; the download serves the file.
import { renderBilingualPdf, type BilingualText } from '../../shared/pdf/bilingual-document.ts';
import type { CouncilBody } from '../domain/council-body.ts';
import type { Deliberation } from '../domain/deliberation.ts';
import type { VoteChoice } from '../domain/vote.ts';

const CHOICES: Record<VoteChoice, BilingualText> = {
  for: { fr: 'pour', ar: 'موافق' },
  against: { fr: 'contre', ar: 'معارض' },
  abstain: { fr: 'abstention', ar: 'ممتنع' },
  'not-voting': { fr: 'sans vote', ar: 'لم يصوت' },
  conflict: { fr: "conflit d'intérêts déclaré", ar: 'تضارب مصالح مصرح به' },
};

const RULES: Record<Deliberation['result']['rule'], BilingualText> = {
  'votes-cast': { fr: 'Majorité des suffrages exprimés', ar: 'أغلبية الأصوات المعبر عنها' },
  'members-in-office': { fr: 'Majorité absolue des membres en exercice', ar: 'الأغلبية المطلقة للأعضاء المزاولين' },
};

export function renderDeliberationPdf(body: CouncilBody, deliberation: Deliberation): Promise<Uint8Array> {
  const nameOf = (id: string) => body.members.find((member) => member.id === id)?.name ?? id;
  const counts = deliberation.result.counts;
  const adopted = deliberation.result.outcome === 'adopted';
  return renderBilingualPdf({
    issuer: { fr: `Royaume du Maroc\n${body.name.fr}`, ar: `المملكة المغربية\n${body.name.ar}` },
    title: { fr: 'Extrait du registre des délibérations', ar: 'مستخرج من سجل المداولات' },
    reference: deliberation.number,
    issuedAt: deliberation.adoptedAt,
    rows: [
      { label: { fr: 'Délibération n°', ar: 'رقم المداولة' }, value: deliberation.number },
      { label: { fr: 'Objet', ar: 'الموضوع' }, value: deliberation.title },
      { label: { fr: 'Séance', ar: 'الجلسة' }, value: deliberation.public ? { fr: 'Publique', ar: 'علنية' } : { fr: 'À huis clos', ar: 'سرية' } },
      { label: { fr: 'Règle de majorité', ar: 'قاعدة الأغلبية' }, value: RULES[deliberation.result.rule] },
      { label: { fr: 'Pour / contre / abstention', ar: 'موافق / معارض / ممتنع' }, value: `${counts.for} / ${counts.against} / ${counts.abstain}` },
      { label: { fr: "Sans vote / conflit d'intérêts", ar: 'لم يصوت / تضارب مصالح' }, value: `${counts['not-voting']} / ${counts.conflict}` },
      { label: { fr: 'Résultat', ar: 'النتيجة' }, value: adopted ? { fr: 'Adoptée', ar: 'مصادق عليها' } : { fr: 'Rejetée', ar: 'مرفوضة' } },
    ],
    notes: [
      ...(deliberation.result.tieDecidedByPresident ? [{ fr: 'Partage égal des voix : la voix du président est prépondérante.', ar: 'تعادل الأصوات: يرجح صوت الرئيس.' }] : []),
      { fr: deliberation.text, ar: deliberation.text },
      {
        fr: `Vote nominatif : ${deliberation.votes.map((vote) => `${nameOf(vote.member)} (${CHOICES[vote.choice].fr})`).join(', ')}`,
        ar: `التصويت الاسمي: ${deliberation.votes.map((vote) => `${nameOf(vote.member)} (${CHOICES[vote.choice].ar})`).join('، ')}`,
      },
    ],
  });
}
