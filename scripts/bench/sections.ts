import { buildStale } from '../build.mjs';
import { benchEngines } from './engines';
import { benchRegister } from './register';
import { benchReports } from './reports';
import { benchWarnings } from './warnings';
import { printTable, type Row } from './table';

/** Records whether a figure met its target under `name` and answers the mark printed beside it. */
export type Check = (name: string, ok: boolean) => string;

/** One section of the bench: it starts what it measures, and answers its rows of the table. */
export type BenchSection = (env: Record<string, string>, check: Check) => Promise<Row[]>;

/**
 * The sections that also run alone (`npm run bench -- --only=<name>`), in the order the full run prints them
 * after its own (start-up, phone, engine, API, queue). A new section is one line here.
 */
export const SECTIONS: Record<string, BenchSection> = {
  register: benchRegister,
  reports: benchReports,
  warnings: benchWarnings,
  engines: benchEngines,
};

/** A table and the names of the figures that missed their targets. */
export function createScorecard(): { rows: Row[]; check: Check; finish(): void } {
  const rows: Row[] = [];
  const failures: string[] = [];
  return {
    rows,
    check(name, ok) {
      if (!ok) failures.push(name);
      return ok ? '✓' : '✗';
    },
    // Prints the table; a missed target fails the command (exit code 1).
    finish() {
      printTable(rows);
      if (failures.length) {
        console.log(`\n未达标：${failures.join('、')}`);
        process.exitCode = 1;
      }
    },
  };
}

/** `npm run bench -- --only=<name>`: one section alone, e.g. after changing the queries it measures. */
export async function runSectionAlone(section: BenchSection, env: Record<string, string>): Promise<void> {
  await buildStale();
  const scorecard = createScorecard();
  scorecard.rows.push(...(await section(env, scorecard.check)));
  scorecard.finish();
}
