// The historical import of digitized registers: what one index line says, what became of it, and the
// reconciliation per register (acts and pages expected against those present) that adds those outcomes up.
import type { ActPerson, ActType, LegacyReference } from './civil-act.ts';
import { byCodePoints } from '../../shared/text/code-point-order.ts';

/** One act of a register folder's `index.jsonl`, with the page images that show it. */
export interface IndexLine {
  readonly type: ActType;
  readonly legacy: LegacyReference;
  readonly person: ActPerson;
  readonly deathDate?: string;
  /** `file` is relative to the folder; `sha256`, when given, is checked against the image. */
  readonly pages: readonly { readonly page: number; readonly file: string; readonly sha256?: string }[];
}

/** A line that cannot be imported; `reason` is reported with its line number, and the line is skipped. */
export class BadIndexLineError extends Error {
  override name = 'BadIndexLineError';
}

/** A page image must be the one its line declares, when the line declares its SHA-256. */
export function requireDeclaredImage(page: IndexLine['pages'][number], sha256: string): void {
  if (page.sha256 !== undefined && page.sha256.toLowerCase() !== sha256) {
    throw new BadIndexLineError(`page file ${page.file} has SHA-256 ${sha256}, not the declared ${page.sha256.toLowerCase()}`);
  }
}

/** `<OFFICE>.<year>.<register>`, the id register pages are kept under. */
export function registerIdOf(legacy: LegacyReference): string {
  return `${legacy.office}.${legacy.year}.${legacy.register}`;
}

/** What became of one line; a bad line may still have registered its act or stored some pages before failing. */
export interface LineOutcome {
  readonly line: number;
  /** Known once the line is understood. */
  readonly registerId?: string;
  /** `already-there`: the legacy reference was registered before (by an earlier run or line). */
  readonly act?: 'imported' | 'already-there';
  readonly pagesExpected: readonly number[];
  readonly pagesStored: readonly number[];
  /** Pages stored by this very line; the others were stored before. */
  readonly pagesNewlyStored: number;
  /** Why the line is bad, when it is. */
  readonly bad?: string;
}

export interface RegisterReconciliation {
  readonly registerId: string;
  readonly actsExpected: number;
  /** Registered by this run or found from an earlier one. */
  readonly actsPresent: number;
  readonly pagesExpected: number;
  readonly pagesStored: number;
}

/**
 * What part of an import adds up to: counts, bad lines, and per register the page numbers seen and stored
 * (sets, since one page shows several acts and may come up in lines of different batches).
 */
export interface ImportTally {
  readonly linesRead: number;
  readonly actsImported: number;
  readonly actsAlreadyThere: number;
  readonly pagesStored: number;
  readonly badLines: readonly { readonly line: number; readonly reason: string }[];
  readonly registers: Readonly<
    Record<string, { readonly actsExpected: number; readonly actsPresent: number; readonly pagesExpected: readonly number[]; readonly pagesStored: readonly number[] }>
  >;
}

export const EMPTY_TALLY: ImportTally = { linesRead: 0, actsImported: 0, actsAlreadyThere: 0, pagesStored: 0, badLines: [], registers: {} };

const union = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);

export function tallyLine(tally: ImportTally, outcome: LineOutcome): ImportTally {
  return {
    linesRead: tally.linesRead + 1,
    actsImported: tally.actsImported + (outcome.act === 'imported' ? 1 : 0),
    actsAlreadyThere: tally.actsAlreadyThere + (outcome.act === 'already-there' ? 1 : 0),
    pagesStored: tally.pagesStored + outcome.pagesNewlyStored,
    badLines: outcome.bad === undefined ? tally.badLines : [...tally.badLines, { line: outcome.line, reason: outcome.bad }],
    // A line that never said which register it belongs to cannot count for one.
    registers:
      outcome.registerId === undefined
        ? tally.registers
        : withRegister(tally.registers, outcome.registerId, {
            actsExpected: 1,
            actsPresent: outcome.act === undefined ? 0 : 1,
            pagesExpected: outcome.pagesExpected,
            pagesStored: outcome.pagesStored,
          }),
  };
}

function withRegister(registers: ImportTally['registers'], registerId: string, add: ImportTally['registers'][string]): ImportTally['registers'] {
  const current = registers[registerId];
  return {
    ...registers,
    [registerId]: current
      ? {
          actsExpected: current.actsExpected + add.actsExpected,
          actsPresent: current.actsPresent + add.actsPresent,
          pagesExpected: union(current.pagesExpected, add.pagesExpected),
          pagesStored: union(current.pagesStored, add.pagesStored),
        }
      : add,
  };
}

/** Adds up the tallies of separate parts of one import (the batches of a Distributed Map). */
export function mergeTallies(tallies: readonly ImportTally[]): ImportTally {
  return tallies.reduce(
    (total, tally) => ({
      linesRead: total.linesRead + tally.linesRead,
      actsImported: total.actsImported + tally.actsImported,
      actsAlreadyThere: total.actsAlreadyThere + tally.actsAlreadyThere,
      pagesStored: total.pagesStored + tally.pagesStored,
      badLines: [...total.badLines, ...tally.badLines].sort((a, b) => a.line - b.line),
      registers: Object.entries(tally.registers).reduce((registers, [registerId, register]) => withRegister(registers, registerId, register), total.registers),
    }),
    EMPTY_TALLY,
  );
}

export function reconciliationOf(tally: ImportTally): RegisterReconciliation[] {
  return Object.entries(tally.registers)
    .sort(([a], [b]) => byCodePoints(a, b))
    .map(([registerId, register]) => ({
      registerId,
      actsExpected: register.actsExpected,
      actsPresent: register.actsPresent,
      pagesExpected: register.pagesExpected.length,
      pagesStored: register.pagesStored.length,
    }));
}

/** Line ranges no part of the import reported on (a batch that failed for good), so nothing goes missing unnoticed. */
export function missingLines(linesTotal: number, covered: Iterable<number>): { first: number; last: number }[] {
  const seen = new Set(covered);
  const gaps: { first: number; last: number }[] = [];
  for (let line = 1; line <= linesTotal; line++) {
    if (seen.has(line)) continue;
    const gap = gaps.at(-1);
    if (gap && gap.last === line - 1) gap.last = line;
    else gaps.push({ first: line, last: line });
  }
  return gaps;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff', pdf: 'application/pdf' };

/** The content type a page image is stored with, from its file name. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[file.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
