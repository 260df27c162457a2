import { countyOf } from '../../shared/accounts/scope';
import { firstContactDue } from '../../shared/cases/due';
import { moreSevere, type RiskLevel } from '../../shared/cases/risk';
import { chinaDate } from '../../shared/register/cadence';
import { ruleFiguresOf } from '../../shared/warnings/figures';
import { selectWarningParameters, warningHistoryWith, type WarningParameterValues } from '../../shared/warnings/parameters';
import { parseSignals, type SignalRejection, type TownshipOf } from '../../shared/warnings/rows';
import { NAME_MISMATCH } from '../../shared/warnings/rules';
import type { SignalSource } from '../../shared/warnings/sources';
import type { Store } from '../db/store';
import type { NewCase } from '../repositories/cases';
import type { Vault } from './crypto';
import type { CleanPerson } from './person';
import { prepareSignal, warningDetail, type PreparedSignal } from './signal-prepare';

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
  /**
   * Rows done of rows to match, about once a second and after the last batch; inside that batch's transaction when it
   * has one (a job records its progress there).
   */
  onProgress?: (tx: Store, done: number, total: number) => Promise<void> | void;
}

/** Rows per batch the worker hands over; matching takes them in pieces of its own size. */
export const SIGNAL_BATCH = 1000;
const TARGET_MS = 12;
const MIN_BATCH = 100;
const MAX_BATCH = 5000;
const PROGRESS_EVERY_MS = 1000;

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

/**
 * The warning rules in force on `today` in a county (#16): the shipped defaults, the province-wide versions and the
 * county's own. No county given (the command line): the only county's, else the province-wide ones.
 */
export async function warningRulesOn(store: Store, today: string, county: string | null): Promise<WarningParameterValues> {
  const versions = await store.repos.warningRules.versions(county ?? (await store.repos.regions.onlyCounty()));
  return selectWarningParameters(today, warningHistoryWith(versions)).values;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Pieces of exactly `n` rows (the last may be shorter) across the incoming batches, whatever their size. */
function pieceReader<T>(batches: Iterable<readonly T[]>) {
  const incoming = batches[Symbol.iterator]();
  let current: readonly T[] = [];
  let at = 0;
  return (n: number): T[] => {
    const piece: T[] = [];
    while (piece.length < n) {
      if (at >= current.length) {
        const next = incoming.next();
        if (next.done) break;
        [current, at] = [next.value, 0];
        continue;
      }
      piece.push(current[at++]!);
    }
    return piece;
  };
}

/** A case a row's warning goes to: on record (id known) or opened by this batch (id known once it is written). */
interface CaseOnRecord {
  id: number | null;
  /** The row a case opened by this batch will be written as. */
  draft?: NewWarningCase;
  level: RiskLevel;
  /** The name on the case, read only when a warning needs the name check. */
  name: () => string;
}

interface NewWarningCase extends NewCase {
  personKey: string;
}

/** What one batch writes, decided in memory first so it can be written in a few set-based statements. */
interface BatchWrites {
  cases: NewWarningCase[];
  /** Cases on record that gained a warning: the highest level and earliest first-contact due of this batch's. */
  raised: Map<number, { level: RiskLevel; dueAt: string }>;
  events: Array<{ onCase: CaseOnRecord; personKey: string; detailEnc: Buffer }>;
  keys: Array<{ key: string; onCase: CaseOnRecord; personKey: string }>;
}

/**
 * Matches one department's prepared rows (./signal-prepare.ts) to people by the keyed hash of the ID number and
 * raises at most one warning per person, source and period. A row that raises none leaves nothing behind but the
 * counts. A warning joins the person's open case, or opens a case (source 'warning') in the township of their
 * household, else of the row's region. Each batch is looked up with three set-based queries and written with a few
 * multi-row statements in one short transaction (none when it raises nothing), sized to take about TARGET_MS, with a
 * turn of the event loop between batches for residents.
 */
export async function matchSignals(
  store: Store,
  vault: Vault,
  source: SignalSource,
  batches: Iterable<readonly PreparedSignal[]>,
  total: number,
  now: string,
  options: MatchOptions = {},
): Promise<MatchCounts> {
  const actor = options.actor ?? 'cli';
  const counts: MatchCounts = { matched: 0, warnings: 0, duplicates: 0 };
  // The import has one `now`: one first-contact due per level.
  const dues = new Map<RiskLevel, string>();
  const dueFor = (level: RiskLevel) => dues.get(level) ?? dues.set(level, firstContactDue(now, level)).get(level)!;
  // Cases opened or joined earlier in this import: a second row about the same person joins the same case.
  const openedHere = new Map<string, CaseOnRecord>();
  const nameIn = (subjectEnc: Buffer) => {
    let name: string | undefined;
    return () => (name ??= vault.decrypt<CleanPerson>(subjectEnc).name);
  };

  const take = pieceReader(batches);
  let done = 0;
  let reported = performance.now();
  // Each transaction holds the connection (and, on SQLite, the event loop for its synchronous statements): its size
  // adapts so one takes about TARGET_MS, bounding how long a resident's request can wait behind it.
  let size = 500;
  for (;;) {
    // Reading the next rows (JSON.parse of the worker's text) is part of the turn this batch holds.
    const began = performance.now();
    const batch = take(size);
    if (!batch.length) break;
    const personKeys = [...new Set(batch.map((row) => row.personKey))];
    const warns = batch.some((row) => row.warning);

    const work = async (tx: Store) => {
      const registered = await tx.repos.warningMatch.registered(personKeys);
      const open = new Map<string, CaseOnRecord>();
      for (const [key, found] of await tx.repos.warningMatch.openCases(personKeys)) open.set(key, { id: found.id, level: found.level, name: nameIn(found.subjectEnc) });
      for (const key of personKeys) if (!open.has(key) && openedHere.has(key)) open.set(key, openedHere.get(key)!);
      const warningKeys = batch.flatMap((row) => (row.warning ? [`${row.personKey}:${source}:${row.warning.period}`] : []));
      const raised = await tx.repos.warningMatch.raised(warningKeys);
      const writes: BatchWrites = { cases: [], raised: new Map(), events: [], keys: [] };

      for (const row of batch) {
        const { personKey, warning } = row;
        const household = registered.get(personKey);
        const onCase = open.get(personKey);
        if (household || onCase) counts.matched++;
        if (!warning) continue;
        const warningKey = `${personKey}:${source}:${warning.period}`;
        if (raised.has(warningKey)) {
          counts.duplicates++;
          continue;
        }
        // The name on record (the register's, else the open case's) is checked against the department's, never overwritten.
        const known = household ? vault.decrypt<CleanPerson>(household.subjectEnc).name : onCase ? onCase.name() : null;
        const detailEnc =
          known !== null && known !== warning.name
            ? vault.encrypt(warningDetail(source, warning, NAME_MISMATCH))
            : Buffer.from(warning.detailEnc, 'base64');
        const dueAt = dueFor(warning.level);
        let target: CaseOnRecord;
        if (onCase) {
          target = onCase;
          target.level = moreSevere(onCase.level, warning.level);
          if (target.id !== null) {
            const before = writes.raised.get(target.id);
            writes.raised.set(target.id, { level: target.level, dueAt: before && before.dueAt < dueAt ? before.dueAt : dueAt });
          } else {
            // Opened by this batch: it is written once, at its highest level and earliest due.
            const draft = target.draft!;
            draft.level = target.level;
            if (dueAt < draft.dueAt!) draft.dueAt = dueAt;
          }
        } else {
          const township = household?.township ?? warning.township;
          const village = household ? household.village : warning.region !== warning.township && warning.township === township ? warning.region : null;
          const draft: NewWarningCase = {
            township,
            village,
            personKey,
            nameKey: warning.nameKey,
            namePhoneKey: null,
            subjectEnc: Buffer.from(warning.subjectEnc, 'base64'),
            nameMasked: warning.nameMasked,
            phoneMasked: null,
            idMasked: warning.idMasked,
            addressMasked: null,
            source: 'warning',
            status: 'new',
            level: warning.level,
            targetClass: registered.has(personKey) ? 'warning' : 'missing',
            answersJson: null,
            resultJson: null,
            rulesVersion: null,
            situationsJson: null,
            dueAt,
            now,
          };
          writes.cases.push(draft);
          const name = warning.name;
          target = { id: null, draft, level: warning.level, name: () => name };
          open.set(personKey, target);
        }
        writes.events.push({ onCase: target, personKey, detailEnc });
        writes.keys.push({ key: warningKey, onCase: target, personKey });
        raised.add(warningKey);
        counts.warnings++;
      }

      await write(tx, writes);
      for (const { personKey, onCase } of writes.events) openedHere.set(personKey, onCase);
      done += batch.length;
      if (done >= total || performance.now() - reported >= PROGRESS_EVERY_MS) {
        reported = performance.now();
        await options.onProgress?.(tx, done, total);
      }
    };
    // A batch that raises nothing only reads (and perhaps reports progress): no write transaction.
    await (warns ? store.transaction(work) : work(store));

    const took = performance.now() - began;
    size = Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, size * Math.min(2, Math.max(0.5, TARGET_MS / Math.max(took, 1))))));
    await nextTurn();
  }
  return counts;

  async function write(tx: Store, writes: BatchWrites): Promise<void> {
    if (writes.cases.length) {
      const ids = await tx.repos.cases.insertCases(writes.cases);
      for (const { onCase, personKey } of writes.events) {
        if (onCase.id === null) onCase.id = ids.get(personKey)!;
        delete onCase.draft;
      }
    }
    for (const [caseId, { level, dueAt }] of writes.raised) {
      await tx.repos.cases.raiseLevel(caseId, level, dueAt);
      await tx.repos.cases.touch(caseId, now);
    }
    if (writes.events.length) {
      await tx.repos.cases.appendEvents(writes.events.map((e) => ({ caseId: e.onCase.id!, at: now, type: 'warning', actor, detailEnc: e.detailEnc })));
      await tx.repos.warningKeys.insertMany(writes.keys.map((k) => ({ key: k.key, caseId: k.onCase.id! })), now);
    }
  }
}

/**
 * The whole import on the caller's thread, from a table already read: parse, prepare, match in batches, then keep this
 * list's rule figures (no identity) for the rule preview. A header problem throws SignalHeaderError before anything is
 * written. The county's page and the CLI run imports as jobs (./signal-import-jobs.ts); this serves tests and seeds.
 */
export async function importSignals(
  store: Store,
  vault: Vault,
  source: SignalSource,
  table: string[][],
  now: string,
  options: { actor?: string } = {},
): Promise<SignalImportSummary> {
  const parsed = parseSignals(source, table, townshipLookup(await townshipIndex(store)), chinaDate(now));
  const rules = await warningRulesOn(store, chinaDate(now), null);
  const prepared = parsed.signals.map((row) => prepareSignal(vault, source, row, rules));
  const counts = await matchSignals(store, vault, source, [prepared], prepared.length, now, { actor: options.actor });
  // The figures are the only county's (#16), as an import from the command line.
  await store.repos.warningRules.keepFigures(await store.repos.regions.onlyCounty(), source, JSON.stringify(ruleFiguresOf(source, parsed.signals)), null, now);
  return { rows: parsed.rows, ...counts, rejected: parsed.rejected };
}
