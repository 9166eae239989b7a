// The figures the ministry reads: what was filed, decided in time, left to lapse and approved by silence in a
// period, against the same period a year earlier, and what is overdue now; for a commune, a province, a region
// or the whole country, by procedure and one territorial level down.
import type { BilingualName } from '../../shared/i18n/language.ts';

export const COUNTERS = ['filed', 'decidedInTime', 'lapsed', 'deemedApprovalInvoked'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Readonly<Record<Counter, number>>;

export const NO_COUNTS: Counters = { filed: 0, decidedInTime: 0, lapsed: 0, deemedApprovalInvoked: 0 };

/** One commune's counters of one Moroccan day, in total and by procedure. */
export interface DayCounts {
  readonly date: string;
  readonly commune: string;
  readonly totals: Counters;
  readonly byProcedure: Readonly<Record<string, Counters>>;
}

/** A file past its legal deadline with no decision and deemed approval not yet invoked. */
export interface OverdueFile {
  readonly commune: string;
  readonly procedure: string;
}

export const SCOPE_LEVELS = ['national', 'region', 'province', 'commune'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** An area the figures are totalled for, with the communes it holds. */
export interface Area {
  readonly level: ScopeLevel;
  /** Absent for the country. */
  readonly code?: string;
  readonly names?: BilingualName;
  readonly communes: ReadonlySet<string> | 'all';
}

export interface Period {
  readonly from: string;
  readonly to: string;
}

export type ChangePercent = Readonly<Record<Counter, number | null>>;

export interface FigureRow extends Counters {
  readonly level: ScopeLevel;
  readonly code?: string;
  readonly names?: BilingualName;
  /** Set on the rows of one procedure. */
  readonly procedure?: string;
  readonly overdueNow: number;
  readonly previousYear: Counters;
  /** Change from the same period a year earlier, in percent; null where the earlier figure is zero. */
  readonly changePercent: ChangePercent;
}

export interface PermitFigures extends Period, Counters {
  readonly scope: { readonly level: ScopeLevel; readonly code?: string; readonly names?: BilingualName };
  /** The commune's code, at the commune level (as the figures were first published). */
  readonly commune?: string;
  /** Files past their legal deadline with no decision and deemed approval not yet invoked, now. */
  readonly overdueNow: number;
  readonly previousYear: Period & Counters;
  readonly changePercent: ChangePercent;
  /** The scope's figures for each procedure that has any. */
  readonly byProcedure: readonly FigureRow[];
  /** The figures of each area one level down: regions of the country, provinces of a region, communes of a province. */
  readonly breakdown: readonly FigureRow[];
}

/** The same dates a year earlier; 29 February a year earlier is 28 February. */
export function yearEarlier(period: Period): Period {
  const shift = (date: string) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
    return new Date(Date.UTC(year - 1, month - 1, Math.min(day, lastDay))).toISOString().slice(0, 10);
  };
  return { from: shift(period.from), to: shift(period.to) };
}

function add(total: Counters, more: Counters | undefined): Counters {
  if (!more) return total;
  return Object.fromEntries(COUNTERS.map((counter) => [counter, total[counter] + more[counter]])) as unknown as Counters;
}

function changePercent(current: Counters, earlier: Counters): ChangePercent {
  return Object.fromEntries(
    COUNTERS.map((counter) => [counter, earlier[counter] === 0 ? null : Math.round(((current[counter] - earlier[counter]) / earlier[counter]) * 1000) / 10]),
  ) as unknown as ChangePercent;
}

const countsOf = (source: Counters): Counters => Object.fromEntries(COUNTERS.map((counter) => [counter, source[counter]])) as unknown as Counters;

const holds = (area: Area, commune: string) => area.communes === 'all' || area.communes.has(commune);

/** Totals a scope from its communes' daily counters and overdue files; `children` are the areas one level down. */
export function permitFigures(input: {
  readonly scope: Area;
  readonly children: readonly Area[];
  readonly period: Period;
  readonly days: readonly DayCounts[];
  readonly overdue: readonly OverdueFile[];
}): PermitFigures {
  const { scope, period } = input;
  const previous = yearEarlier(period);
  const inScope = input.days.filter((day) => holds(scope, day.commune));
  const overdueInScope = input.overdue.filter((file) => holds(scope, file.commune));
  const within = (range: Period) => (day: DayCounts) => day.date >= range.from && day.date <= range.to;

  const row = (area: Area, pick: (day: DayCounts) => Counters | undefined, overdue: (file: OverdueFile) => boolean, procedure?: string): FigureRow => {
    const days = inScope.filter((day) => holds(area, day.commune));
    const current = days.filter(within(period)).reduce((total, day) => add(total, pick(day)), NO_COUNTS);
    const earlier = days.filter(within(previous)).reduce((total, day) => add(total, pick(day)), NO_COUNTS);
    return {
      level: area.level,
      ...(area.code !== undefined && { code: area.code }),
      ...(area.names && { names: area.names }),
      ...(procedure !== undefined && { procedure }),
      ...current,
      overdueNow: overdueInScope.filter((file) => holds(area, file.commune) && overdue(file)).length,
      previousYear: earlier,
      changePercent: changePercent(current, earlier),
    };
  };

  const total = row(scope, (day) => day.totals, () => true);
  const procedures = [...new Set([...inScope.flatMap((day) => Object.keys(day.byProcedure)), ...overdueInScope.map((file) => file.procedure)])].sort();
  return {
    scope: { level: scope.level, ...(scope.code !== undefined && { code: scope.code }), ...(scope.names && { names: scope.names }) },
    ...(scope.level === 'commune' && scope.code !== undefined && { commune: scope.code }),
    ...period,
    ...countsOf(total),
    overdueNow: total.overdueNow,
    previousYear: { ...previous, ...total.previousYear },
    changePercent: total.changePercent,
    byProcedure: procedures.map((procedure) => row(scope, (day) => day.byProcedure[procedure], (file) => file.procedure === procedure, procedure)),
    breakdown: input.children.map((child) => row(child, (day) => day.totals, () => true)),
  };
}

export const FIGURES_TABLE_HEADER = [
  'level',
  'code',
  'name_ar',
  'name_fr',
  'procedure',
  'from',
  'to',
  ...COUNTERS,
  'overdueNow',
  ...COUNTERS.map((counter) => `previousYear.${counter}`),
  ...COUNTERS.map((counter) => `changePercent.${counter}`),
] as const;

/**
 * The figures as one table: the scope's total first, then one row per procedure, then one per area one level
 * down. Rows of a procedure carry its code; the others leave that column empty.
 */
export function figuresTable(figures: PermitFigures): (string | number | null | undefined)[][] {
  const line = (row: FigureRow) => [
    row.level,
    row.code,
    row.names?.ar,
    row.names?.fr,
    row.procedure,
    figures.from,
    figures.to,
    ...COUNTERS.map((counter) => row[counter]),
    row.overdueNow,
    ...COUNTERS.map((counter) => row.previousYear[counter]),
    ...COUNTERS.map((counter) => row.changePercent[counter]),
  ];
  const total: FigureRow = { ...figures.scope, ...countsOf(figures), overdueNow: figures.overdueNow, previousYear: countsOf(figures.previousYear), changePercent: figures.changePercent };
  return [line(total), ...figures.byProcedure.map(line), ...figures.breakdown.map(line)];
}
