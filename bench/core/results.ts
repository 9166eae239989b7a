// What a part of the benchmark reports: its figures (rows of a table) and its budgets, each passed or missed,
// written to bench/results.json and printed as a table.
import type { BenchPlatform } from './bench-platform.ts';
import type { NotMeasured } from './coverage.ts';

export interface Budget {
  /** What is held to the budget, e.g. `bundle size, PermitReceipt`. */
  readonly subject: string;
  /** The budget in words, e.g. `< 500 KB`. */
  readonly limit: string;
  readonly measured: number | string;
  readonly pass: boolean;
  /** Why it is missed, when we know. */
  readonly note?: string;
}

export type Row = Readonly<Record<string, string | number | boolean | null>>;

export interface PartResult {
  readonly part: string;
  /** How the figures were taken: sizes, runs, machine-dependent caveats. */
  readonly method: string;
  readonly rows: readonly Row[];
  readonly budgets: readonly Budget[];
  /** Headline figures of the part (throughput, recall, cost...). */
  readonly summary?: Readonly<Record<string, string | number>>;
  /** Figures the part could not take (a service the scenario does not drive yet): neither passed nor missed. */
  readonly notMeasured?: readonly NotMeasured[];
}

export interface BenchPart {
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<PartResult>;
}

export interface BenchContext {
  /** `--name=value` flags of the command line. */
  readonly flags: ReadonlyMap<string, string>;
  /**
   * The local platform, started on first use and shared by the parts of a run: the handler modules, loaded once
   * per process, keep the endpoints of the emulators they first saw.
   */
  readonly platform: () => Promise<BenchPlatform>;
  readonly log: (line: string) => void;
}

export function numberFlag(context: BenchContext, name: string, fallback: number): number {
  const raw = context.flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`--${name} must be a positive number, got ${raw}`);
  return value;
}

function cell(value: Row[string] | undefined): string {
  if (value === null || value === undefined) return '';
  // Three significant digits below 100 keep small figures (a cost per permit in dollars) readable.
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(1) : String(Number(value.toPrecision(3)));
  return String(value);
}

/** A plain-text table: one column per key of the first row, right-aligned numbers. */
export function formatTable(rows: readonly Row[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
  const line = (values: string[], numeric: boolean[]) =>
    values.map((value, index) => (numeric[index] ? value.padStart(widths[index]!) : value.padEnd(widths[index]!))).join('  ').trimEnd();
  const header = line(columns, columns.map(() => false));
  const body = rows.map((row) => line(columns.map((column) => cell(row[column])), columns.map((column) => typeof row[column] === 'number')));
  return [header, widths.map((width) => '-'.repeat(width)).join('  '), ...body].join('\n');
}

export function formatBudgets(budgets: readonly Budget[]): string {
  if (budgets.length === 0) return '(no budget in this part)';
  return formatTable(
    budgets.map((budget) => ({
      budget: budget.pass ? 'pass' : 'MISS',
      subject: budget.subject,
      limit: budget.limit,
      measured: budget.measured,
      note: budget.note ?? '',
    })),
  );
}

export function formatNotMeasured(notMeasured: readonly NotMeasured[]): string {
  return formatTable(notMeasured.map(({ subject, reason }) => ({ 'not measured': subject, why: reason })));
}
