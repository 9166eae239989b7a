// The problem types only the councils context raises, attached to its description (councils.service.ts); the
// platform-wide ones are in functions/shared/errors/problem-types.ts.
import { declareProblems } from '../shared/errors/problem-types.ts';

export const COUNCILS_PROBLEMS = declareProblems({
  'outside-ordinary-months': {
    status: 422,
    title: {
      ar: 'لا تنعقد الدورة العادية خارج الأشهر المحددة لها',
      fr: "Une session ordinaire ne se tient pas en dehors de ses mois",
      en: 'An ordinary session is not held outside its months',
    },
  },
  'initiative-not-qualified': {
    status: 422,
    title: {
      ar: 'لا تستوفي المبادرة شروط الدورة الاستثنائية',
      fr: "L'initiative ne remplit pas les conditions d'une session extraordinaire",
      en: 'The initiative does not meet the conditions of an extraordinary session',
    },
  },
  'agenda-closed': {
    status: 409,
    title: { ar: 'جدول الأعمال مغلق', fr: "L'ordre du jour est clos", en: 'The agenda is closed' },
  },
  'notice-too-short': {
    status: 409,
    title: {
      ar: 'أجل الاستدعاء أقصر من المطلوب',
      fr: 'Le délai de convocation est trop court',
      en: 'The notice of the convocation is too short',
    },
  },
  'sitting-outside-window': {
    status: 409,
    title: {
      ar: 'لا يمكن عقد الجلسة في هذا التاريخ',
      fr: 'La séance ne peut se tenir à cette date',
      en: 'The sitting cannot be held on this date',
    },
  },
  'not-a-member': {
    status: 422,
    title: { ar: 'ليس عضوا مزاولا بالمجلس', fr: "N'est pas membre en exercice du conseil", en: 'Not a member in office of the council' },
  },
  'voted-twice': {
    status: 422,
    title: { ar: 'صوت العضو أكثر من مرة', fr: 'Le membre a voté plus d’une fois', en: 'The member voted more than once' },
  },
  'proxy-already-held': {
    status: 422,
    title: { ar: 'يحمل العضو توكيلا من قبل', fr: 'Le membre détient déjà une procuration', en: 'The member already holds a proxy' },
  },
  'paper-refused': {
    status: 422,
    title: {
      ar: 'رُفضت وثيقة جدول الأعمال',
      fr: "Le document de l'ordre du jour est refusé",
      en: 'The agenda paper is refused',
    },
  },
  'visa-period-passed': {
    status: 409,
    title: { ar: 'انقضى أجل التأشيرة', fr: 'Le délai du visa est écoulé', en: 'The visa period has passed' },
  },
  'opposition-window-closed': {
    status: 409,
    title: {
      ar: 'انقضى أجل التعرض',
      fr: "Le délai d'opposition est écoulé",
      en: 'The period for opposition has passed',
    },
  },
});
