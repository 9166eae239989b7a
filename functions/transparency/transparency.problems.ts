// The problem types only the transparency context raises, attached to its description (transparency.service.ts);
// the platform-wide ones are in functions/shared/errors/problem-types.ts, the clock's in functions/shared/case-clock.
import { declareProblems } from '../shared/errors/problem-types.ts';

export const TRANSPARENCY_PROBLEMS = declareProblems({
  'extension-notice-required': {
    status: 409,
    title: {
      ar: 'لا يُمدد الأجل قبل تسجيل إشعار صاحب الطلب',
      fr: "Le délai ne se proroge qu'après la notification enregistrée du demandeur",
      en: 'The deadline is extended only once the notice to the requester is recorded',
    },
  },
  'recourse-period-passed': {
    status: 409,
    title: {
      ar: 'انقضى أجل الطعن',
      fr: 'Le délai de recours est écoulé',
      en: 'The period for this recourse has passed',
    },
  },
  'implicitly-refused': {
    status: 409,
    title: {
      ar: 'انقضى أجل الجواب: الطلب مرفوض ضمنيا',
      fr: 'Le délai de réponse est écoulé : la demande est implicitement refusée',
      en: 'The deadline to answer has passed: the request is implicitly refused',
    },
  },
  'released-document-refused': {
    status: 422,
    title: {
      ar: 'رُفضت الوثيقة: ليست من النوع المصرح به، أو بلغ الطلب الحد الأقصى للوثائق',
      fr: "Document refusé : il n'est pas du type déclaré, ou la demande a le nombre maximal de documents",
      en: 'Document refused: not of the declared type, or the request has the most documents it takes',
    },
  },
});
