// The problem types only the notifications context raises (a contact's verification), attached to its description
// (notifications.service.ts); the platform-wide ones are in functions/shared/errors/problem-types.ts.
import { declareProblems } from '../shared/errors/problem-types.ts';

export const NOTIFICATIONS_PROBLEMS = declareProblems({
  'verification-code-wrong': {
    status: 422,
    title: { ar: 'رمز التحقق غير صحيح', fr: 'Le code de vérification est erroné', en: 'The verification code is wrong' },
  },
  'verification-code-spent': {
    status: 410,
    title: {
      ar: 'رمز التحقق منته الصلاحية أو استُنفدت محاولاته',
      fr: 'Le code de vérification a expiré ou ses essais sont épuisés',
      en: 'The verification code has expired or its attempts are used up',
    },
  },
  'email-unavailable': {
    status: 503,
    title: { ar: 'خدمة البريد الإلكتروني غير مفعلة', fr: "L'envoi de courriels n'est pas configuré", en: 'Sending e-mail is not configured' },
  },
});
