// `npm run import:registers -- <folder>`: imports digitized registers into the running local platform
// ($RAQMANA_URL, default http://localhost:3000), with a progress line, a summary and a reconciliation per register.
import { importRegisters, type ImportProgress } from '../lib/local/register-import.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run import:registers -- <folder holding index.jsonl and the page images>');
  process.exit(2);
}
const platformUrl = process.env.RAQMANA_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

function progressLine(progress: ImportProgress): string {
  return `lines ${progress.linesRead} · acts imported ${progress.actsImported} · already there ${progress.actsAlreadyThere} · pages stored ${progress.pagesStored} · bad lines ${progress.badLines}`;
}

const started = performance.now();
const report = await importRegisters({
  folder,
  platformUrl,
  onProgress: (progress) => {
    if (process.stdout.isTTY) process.stdout.write(`\r${progressLine(progress)}`);
  },
}).catch((error: unknown) => {
  console.error(`\nThe import stopped: ${(error as Error).message}. Run it again to resume; nothing is imported twice.`);
  process.exit(1);
});
const seconds = (performance.now() - started) / 1000;

console.log(`\n${progressLine(report)}`);
console.log(`${(report.actsImported / seconds).toFixed(1)} acts per second over ${seconds.toFixed(1)} s`);
console.log('\nRegister                         acts expected  present  pages expected  stored');
for (const register of report.registers) {
  const complete = register.actsPresent === register.actsExpected && register.pagesStored === register.pagesExpected;
  console.log(
    `${register.registerId.padEnd(32)} ${String(register.actsExpected).padStart(13)} ${String(register.actsPresent).padStart(8)} ${String(register.pagesExpected).padStart(15)} ${String(register.pagesStored).padStart(7)}  ${complete ? 'complete' : 'INCOMPLETE'}`,
  );
}
for (const bad of report.badLineDetails) console.log(`line ${bad.line}: ${bad.reason}`);
process.exit(report.badLines > 0 ? 1 : 0);
