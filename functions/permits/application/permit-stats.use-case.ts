// The permit figures a reader may see: commune staff their own commune's; administrators and auditors any
// commune's, a province's, a region's or the country's. Read without a Scan (access patterns in ../README.md).
import type { Principal } from '../../shared/auth/principal.ts';
import { COMMUNE_STAFF_ROLES } from '../../shared/auth/roles.ts';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { CommuneTerritory } from '../../reference-data/public.ts';
import { permitFigures, yearEarlier, type Area, type PermitFigures, type ScopeLevel } from '../domain/permit-figures.ts';
import type { PermitsRepository } from './permits.ports.ts';
import { byCodePoints } from '../../shared/text/code-point-order.ts';

export interface PermitStatsQuery {
  readonly commune?: string;
  readonly province?: string;
  readonly region?: string;
  readonly from: string;
  readonly to: string;
}

/** Figures above the commune read every commune's days of the period (and of the year before): a year at most keeps that read bounded. */
const LONGEST_PERIOD_DAYS = 366;

const FIGURES_OF_ANY_AREA: readonly string[] = ['admin', 'auditor'];

function requireFiguresReader(principal: Principal, level: ScopeLevel, commune: string | undefined): void {
  if (principal.roles.some((role) => FIGURES_OF_ANY_AREA.includes(role))) return;
  const ownCommune = level === 'commune' && principal.commune !== undefined && principal.commune === commune;
  if (ownCommune && principal.roles.some((role) => COMMUNE_STAFF_ROLES.includes(role))) return;
  throw new ForbiddenError({
    ar: 'يطّلع موظفو الجماعة على أرقام جماعتهم وحدها؛ أما أرقام الجماعات الأخرى والأقاليم والجهات والأرقام الوطنية فهي للمسؤولين عن المنصة والمدققين',
    fr: "Le personnel d'une commune ne consulte que les chiffres de sa commune ; ceux des autres communes, des provinces, des régions et du pays sont réservés aux administrateurs et aux auditeurs",
    en: "Commune staff read their own commune's figures only; other communes', provinces', regions' and national figures are for administrators and auditors",
  });
}

function checkPeriod(query: PermitStatsQuery, level: ScopeLevel): void {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (days < 1) {
    throw new ValidationFailedError(
      { ar: 'تنتهي الفترة قبل أن تبدأ', fr: 'La période se termine avant de commencer', en: 'The period ends before it starts' },
      {
        fieldIssues: [
          {
            pointer: '/query/to',
            code: 'too_small',
            detail: { ar: 'يجب ألا يسبق تاريخ to تاريخ from', fr: 'La date to ne peut précéder la date from', en: 'to must not be before from' },
          },
        ],
      },
    );
  }
  if (level !== 'commune' && days > LONGEST_PERIOD_DAYS) {
    throw new ValidationFailedError(
      {
        ar: `لا تتجاوز فترة الأرقام الإقليمية والجهوية والوطنية ${LONGEST_PERIOD_DAYS} يوماً؛ اطلبها سنة بعد سنة`,
        fr: `Pour les chiffres provinciaux, régionaux et nationaux, la période ne dépasse pas ${LONGEST_PERIOD_DAYS} jours ; demandez-les année par année`,
        en: `Provincial, regional and national figures cover at most ${LONGEST_PERIOD_DAYS} days; ask for them year by year`,
      },
      {
        fieldIssues: [
          {
            pointer: '/query/to',
            code: 'too_big',
            detail: {
              ar: `${LONGEST_PERIOD_DAYS} يوماً على الأكثر، بما فيها يوما from وto`,
              fr: `${LONGEST_PERIOD_DAYS} jours au plus, from et to compris`,
              en: `at most ${LONGEST_PERIOD_DAYS} days, from and to included`,
            },
          },
        ],
      },
    );
  }
}

function scopeOf(query: PermitStatsQuery): { level: ScopeLevel; code?: string } {
  const given = (['commune', 'province', 'region'] as const).filter((level) => query[level] !== undefined);
  if (given.length > 1) {
    throw new ValidationFailedError(
      {
        ar: 'اختر نطاقاً واحداً: commune أو province أو region، أو لا شيء منها للأرقام الوطنية',
        fr: 'Choisissez une seule échelle : commune, province ou region, ou aucune pour les chiffres nationaux',
        en: 'Choose one scope: commune, province or region, or none of them for the national figures',
      },
      {
        fieldIssues: given.slice(1).map((level) => ({
          pointer: `/query/${level}`,
          code: 'conflicting_scope',
          detail: { ar: `سبق تحديد النطاق ${given[0]}`, fr: `L'échelle ${given[0]} est déjà indiquée`, en: `${given[0]} is already given` },
        })),
      },
    );
  }
  const level = given[0];
  return level ? { level, code: query[level]! } : { level: 'national' };
}

const namesOf = (territory: BilingualName): BilingualName => ({ ar: territory.ar, fr: territory.fr });

/** Areas one level down, each with its communes, in code order. */
function childAreas(members: readonly CommuneTerritory[], level: 'region' | 'province' | 'commune'): Area[] {
  const areas = new Map<string, { names: BilingualName; communes: Set<string> }>();
  for (const member of members) {
    const code = level === 'commune' ? member.code : member[level].code;
    const names = level === 'commune' ? member.names : namesOf(member[level]);
    const area = areas.get(code) ?? { names, communes: new Set<string>() };
    area.communes.add(member.code);
    areas.set(code, area);
  }
  return [...areas].sort(([a], [b]) => byCodePoints(a, b)).map(([code, area]) => ({ level, code, names: area.names, communes: area.communes }));
}

function territorialAreas(territories: readonly CommuneTerritory[], level: 'national' | 'region' | 'province', code: string | undefined): { scope: Area; children: Area[] } {
  if (level === 'national') return { scope: { level, communes: 'all' }, children: childAreas(territories, 'region') };
  const members = territories.filter((territory) => territory[level].code === code);
  const first = members[0];
  if (!first) {
    throw new NotFoundError(
      level === 'region'
        ? { ar: `لا توجد جهة بالرمز ${code}`, fr: `Aucune région n'a le code ${code}`, en: `No region has the code ${code}` }
        : { ar: `لا توجد عمالة أو إقليم بالرمز ${code}`, fr: `Aucune préfecture ni province n'a le code ${code}`, en: `No prefecture or province has the code ${code}` },
    );
  }
  return {
    scope: { level, code: code!, names: namesOf(first[level]), communes: new Set(members.map((member) => member.code)) },
    children: childAreas(members, level === 'region' ? 'province' : 'commune'),
  };
}

export async function permitStats(repository: PermitsRepository, principal: Principal, query: PermitStatsQuery): Promise<PermitFigures> {
  const { level, code } = scopeOf(query);
  requireFiguresReader(principal, level, code);
  checkPeriod(query, level);
  const period = { from: query.from, to: query.to };
  // One range covers both periods: the same dates a year earlier, and this one.
  const earliest = yearEarlier(period).from;

  if (level === 'commune') {
    const items = await repository.communeFigureItems(code!, earliest, period.to);
    return permitFigures({ scope: { level, code: code!, communes: new Set([code!]) }, children: [], period, ...items });
  }
  const [territories, items] = await Promise.all([repository.communeTerritories(), repository.everyCommuneFigureItems(earliest, period.to)]);
  return permitFigures({ ...territorialAreas(territories, level, code), period, ...items });
}
