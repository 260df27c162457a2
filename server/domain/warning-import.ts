import { countyOf } from '../../shared/accounts/scope';
import { firstContactDue } from '../../shared/cases/due';
import { moreSevere } from '../../shared/cases/risk';
import { chinaDate } from '../../shared/register/cadence';
import { ruleFiguresOf } from '../../shared/warnings/figures';
import { selectWarningParameters, warningHistoryWith, type WarningParameterValues } from '../../shared/warnings/parameters';
import { parseSignals, type ParsedSignals, type SignalRejection, type SignalRow, type TownshipOf } from '../../shared/warnings/rows';
import { NAME_MISMATCH, warningFor } from '../../shared/warnings/rules';
import { SOURCE_LABEL, type SignalSource } from '../../shared/warnings/sources';
import type { Store } from '../db/store';
import type { OpenCaseOfPerson } from '../repositories/warning-match';
import type { Vault } from './crypto';
import { maskedPerson, matchKeys, type CleanPerson } from './person';

export interface SignalImportSummary {
  rows: number;
  /** Rows about someone in the register or with an open case. */
  matched: number;
  /** Warnings raised by this import (new cases plus warnings joined to open cases). */
  warnings: number;
  /** Rows whose warning was raised before (same person, source and period). */
  duplicates: number;
  rejected: SignalRejection[];
}

export type MatchCounts = Pick<SignalImportSummary, 'matched' | 'warnings' | 'duplicates'>;

export interface MatchOptions {
  actor?: string;
  /** After each batch, inside its transaction (a job records its progress there), rows done of rows to match. */
  onBatch?: (tx: Store, done: number, total: number) => Promise<void> | void;
}

export const SIGNAL_BATCH = 500;
const TARGET_MS = 25;
const MIN_BATCH = 50;
const MAX_BATCH = 1000;

/**
 * Region code → its township, for every township and village of the county (of `county` only when given, #16: a
 * county admin's import reaches no other county): what parsing needs, plain data a worker can take.
 */
export async function townshipIndex(store: Store, county: string | null = null): Promise<Record<string, string>> {
  const index: Record<string, string> = {};
  for (const region of await store.repos.regions.list()) {
    if (county !== null && countyOf(region.code) !== county) continue;
    if (region.level === 'township') index[region.code] = region.code;
    else if (region.level === 'village' && region.parent) index[region.code] = region.parent;
  }
  return index;
}

export const townshipLookup =
  (index: Readonly<Record<string, string>>): TownshipOf =>
  (code) =>
    Object.hasOwn(index, code) ? index[code] : undefined;

/** The warning rules in force on `today`: the shipped defaults with the county's saved versions. */
export async function warningRulesOn(store: Store, today: string): Promise<WarningParameterValues> {
  return selectWarningParameters(today, warningHistoryWith(await store.repos.warningRules.versions())).values;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Matches one department's good rows to people by the keyed hash of the ID number and raises at most one warning per
 * person, source and period. A row that raises none leaves nothing behind but the counts. A warning joins the
 * person's open case, or opens a case (source 'warning') in the township of their household, else of the row's region.
 * Short transactions of 50–1,000 rows (sized to take about 25 ms each), with a turn of the event loop between them for
 * residents.
 */
export async function matchSignals(
  store: Store,
  vault: Vault,
  source: SignalSource,
  batches: Iterable<readonly SignalRow[]>,
  total: number,
  now: string,
  options: MatchOptions = {},
): Promise<MatchCounts> {
  const rules = await warningRulesOn(store, chinaDate(now));
  const actor = options.actor ?? 'cli';
  const counts: MatchCounts = { matched: 0, warnings: 0, duplicates: 0 };
  // Cases opened or joined earlier in this import: a second row about the same person joins the same case.
  const openedHere = new Map<string, OpenCaseOfPerson>();

  let done = 0;
  // Each transaction holds the connection (and, on SQLite, the event loop for its synchronous statements): its size
  // adapts so one takes about TARGET_MS, bounding how long a resident's request can wait behind it.
  let size = 250;
  const pieces = function* () {
    for (const incoming of batches) {
      // `size` may change between pieces: step by what was actually taken.
      for (let i = 0; i < incoming.length; ) {
        const piece = incoming.slice(i, i + size);
        i += piece.length;
        yield piece;
      }
    }
  };
  for (const batch of pieces()) {
    const began = performance.now();
    const keys = batch.map((row) => vault.blindIndex('id', row.idNumber));
    const unique = [...new Set(keys)];
    await store.transaction(async (tx) => {
      const registered = await tx.repos.warningMatch.registered(unique);
      const open = await tx.repos.warningMatch.openCases(unique);
      for (const [key, found] of openedHere) if (!open.has(key)) open.set(key, found);
      const fired = batch.map((row, i) => warningFor(row.detail, rules, registered.has(keys[i]!)));
      const warningKeys = fired.map((w, i) => (w ? `${keys[i]}:${source}:${w.period}` : ''));
      const raised = await tx.repos.warningMatch.raised(warningKeys.filter(Boolean));

      for (const [i, row] of batch.entries()) {
        const personKey = keys[i]!;
        const household = registered.get(personKey);
        const openCase = open.get(personKey);
        if (household || openCase) counts.matched++;
        const warning = fired[i];
        const warningKey = warningKeys[i]!;
        if (!warning) continue;
        if (raised.has(warningKey)) {
          counts.duplicates++;
          continue;
        }
        // The name on record (the register's, else the open case's) is checked against the department's, never overwritten.
        const onRecord = household?.subjectEnc ?? openCase?.subjectEnc;
        const known = onRecord ? vault.decrypt<CleanPerson>(onRecord).name : null;
        const detail = {
          source,
          sourceLabel: SOURCE_LABEL[source],
          signal: warning.signal,
          level: warning.level,
          ...(known !== null && known !== row.name ? { nameMismatch: NAME_MISMATCH } : {}),
        };
        const dueAt = firstContactDue(now, warning.level);
        let caseId: number;
        if (openCase) {
          caseId = openCase.id;
          const level = moreSevere(openCase.level, warning.level);
          await tx.repos.cases.raiseLevel(caseId, level, dueAt);
          await tx.repos.cases.touch(caseId, now);
          open.set(personKey, { ...openCase, level });
        } else {
          const township = household?.township ?? row.township;
          const village = household ? household.village : row.region !== row.township && row.township === township ? row.region : null;
          const person: CleanPerson = { name: row.name, idNumber: row.idNumber, phone: null, address: null };
          const subjectEnc = vault.encrypt(person);
          caseId = await tx.repos.cases.insertCase({
            township,
            village,
            personKey,
            ...matchKeys(vault, person),
            subjectEnc,
            ...maskedPerson(person),
            source: 'warning',
            status: 'new',
            level: warning.level,
            targetClass: warning.targetClass,
            answersJson: null,
            resultJson: null,
            rulesVersion: null,
            situationsJson: null,
            dueAt,
            now,
          });
          open.set(personKey, { id: caseId, level: warning.level, subjectEnc });
        }
        openedHere.set(personKey, open.get(personKey)!);
        await tx.repos.cases.appendEvent({ caseId, at: now, type: 'warning', actor, detailEnc: vault.encrypt(detail) });
        await tx.repos.warningKeys.insert(warningKey, caseId, now);
        raised.add(warningKey);
        counts.warnings++;
      }
      done += batch.length;
      await options.onBatch?.(tx, done, total);
    });
    const took = performance.now() - began;
    size = Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, size * Math.min(2, Math.max(0.5, TARGET_MS / Math.max(took, 1))))));
    await nextTurn();
  }
  return counts;
}

/** An array's rows in batches of SIGNAL_BATCH. */
export function* inBatches<T>(rows: readonly T[], size = SIGNAL_BATCH): Generator<readonly T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Parses a department's table on this thread (the CLI; the web import parses in a worker). */
export async function parseSignalTable(store: Store, source: SignalSource, table: string[][], today: string): Promise<ParsedSignals> {
  return parseSignals(source, table, townshipLookup(await townshipIndex(store)), today);
}

/**
 * The whole import on the caller's thread, as the CLI runs it: parse, match in batches, then keep this list's rule
 * figures (no identity) for the rule preview. A header problem throws SignalHeaderError before anything is written.
 */
export async function importSignals(
  store: Store,
  vault: Vault,
  source: SignalSource,
  table: string[][],
  now: string,
  options: { onProgress?: (done: number, total: number) => void; actor?: string; importId?: number } = {},
): Promise<SignalImportSummary> {
  const parsed = await parseSignalTable(store, source, table, chinaDate(now));
  const counts = await matchSignals(store, vault, source, inBatches(parsed.signals), parsed.signals.length, now, {
    actor: options.actor,
    onBatch: (_tx, done, total) => options.onProgress?.(done, total),
  });
  await store.repos.warningRules.keepFigures(source, JSON.stringify(ruleFiguresOf(source, parsed.signals)), options.importId ?? null, now);
  return { rows: parsed.rows, ...counts, rejected: parsed.rejected };
}
