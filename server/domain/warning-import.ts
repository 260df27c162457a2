import { firstContactDue } from '../../shared/cases/due';
import { moreSevere } from '../../shared/cases/risk';
import { chinaDate } from '../../shared/register/cadence';
import { selectWarningParameters } from '../../shared/warnings/parameters';
import { parseSignals, type SignalRejection, type SignalRow } from '../../shared/warnings/rows';
import { NAME_MISMATCH, warningFor } from '../../shared/warnings/rules';
import { SOURCE_LABEL, type SignalSource } from '../../shared/warnings/sources';
import type { DB } from '../db/open';
import type { Repositories } from '../repositories';
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

const BATCH = 500;

/**
 * Matches one department's list to people by the keyed hash of the ID number and raises at most one warning per
 * person, source and period. A row that raises none leaves nothing behind but the counts. A warning joins the
 * person's open case, or opens a case (source 'warning') in the township of their household, else of the row's region.
 */
export function importSignals(
  db: DB,
  repos: Repositories,
  vault: Vault,
  source: SignalSource,
  table: string[][],
  now: string,
  options: { onProgress?: (done: number, total: number) => void; actor?: string } = {},
): SignalImportSummary {
  const today = chinaDate(now);
  const townshipOf = (code: string): string | undefined => {
    const region = repos.regions.find(code);
    if (region?.level === 'township') return region.code;
    if (region?.level === 'village') return region.parent ?? undefined;
    return undefined;
  };
  const parsed = parseSignals(source, table, townshipOf, today);
  const { values: rules } = selectWarningParameters(today);
  const actor = options.actor ?? 'cli';
  const summary: SignalImportSummary = { rows: parsed.rows, matched: 0, warnings: 0, duplicates: 0, rejected: parsed.rejected };

  const handle = (row: SignalRow): void => {
    const personKey = vault.blindIndex('id', row.idNumber);
    const household = repos.households.findByPersonKey(personKey);
    const open = repos.cases.findOpenByPersonKeyAnywhere(personKey);
    if (household || open) summary.matched++;
    const warning = warningFor(row.detail, rules, household !== undefined);
    if (!warning) return;
    const warningKey = `${personKey}:${source}:${warning.period}`;
    if (repos.warningKeys.has(warningKey)) {
      summary.duplicates++;
      return;
    }
    // The name on record (the register's, else the open case's) is checked against the department's, never overwritten.
    const onRecord = household?.subject_enc ?? open?.subject_enc;
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
    if (open) {
      caseId = open.id;
      repos.cases.raiseLevel(caseId, moreSevere(open.level, warning.level), dueAt);
      repos.cases.touch(caseId, now);
    } else {
      const township = household?.township ?? row.township;
      const village = household ? household.village || null : row.region !== row.township && row.township === township ? row.region : null;
      const person: CleanPerson = { name: row.name, idNumber: row.idNumber, phone: null, address: null };
      caseId = repos.cases.insertCase({
        township,
        village,
        personKey,
        ...matchKeys(vault, person),
        subjectEnc: vault.encrypt(person),
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
    }
    repos.cases.appendEvent({ caseId, at: now, type: 'warning', actor, detailEnc: vault.encrypt(detail) });
    repos.warningKeys.insert(warningKey, caseId, now);
    summary.warnings++;
  };

  // Batches keep each write transaction short, so the running server is never held up for long.
  const batch = db.transaction((rows: SignalRow[]) => rows.forEach(handle));
  for (let i = 0; i < parsed.signals.length; i += BATCH) {
    batch.immediate(parsed.signals.slice(i, i + BATCH));
    options.onProgress?.(Math.min(i + BATCH, parsed.signals.length), parsed.signals.length);
  }
  return summary;
}
