import type { RiskLevel } from '../../shared/cases/risk';
import type { WarningParameterValues } from '../../shared/warnings/parameters';
import type { SignalRow } from '../../shared/warnings/rows';
import { warningFor } from '../../shared/warnings/rules';
import { SOURCE_LABEL, type SignalSource } from '../../shared/warnings/sources';
import type { Vault } from './crypto';
import { maskedPerson, matchKeys, type CleanPerson } from './person';

/**
 * A department's good row as matching takes it. Everything that costs CPU per row and needs no database — the keyed
 * hash of the ID number, the rules, the encryption of what a warning would write — is done here, on the report
 * worker for the web import, so the request thread only looks rows up and writes. Plain JSON-able data: the worker
 * hands batches over as text.
 */
export interface PreparedSignal {
  /** HMAC of the ID number: how the register, open cases and earlier warnings are found. */
  personKey: string;
  /** Absent when no rule fired: the row is only counted (matched or not). */
  warning?: PreparedWarning;
}

export interface PreparedWarning {
  level: RiskLevel;
  signal: string;
  /** With the person and source, what makes two rows the same warning. */
  period: string;
  /** The department's name for the person, checked against the one on record (never written in clear). */
  name: string;
  region: string;
  township: string;
  /** The warning event's detail, encrypted (base64), without a name-mismatch flag. */
  detailEnc: string;
  /** What a new case about this person opens with: the encrypted subject (base64), blind name index, masks. */
  subjectEnc: string;
  nameKey: string;
  nameMasked: string;
  idMasked: string | null;
}

/** What a warning event says, in the order it has always been written. */
export function warningDetail(source: SignalSource, warning: Pick<PreparedWarning, 'signal' | 'level'>, nameMismatch?: string) {
  return {
    source,
    sourceLabel: SOURCE_LABEL[source],
    signal: warning.signal,
    level: warning.level,
    ...(nameMismatch === undefined ? {} : { nameMismatch }),
  };
}

export function prepareSignal(vault: Vault, source: SignalSource, row: SignalRow, rules: WarningParameterValues): PreparedSignal {
  const personKey = vault.blindIndex('id', row.idNumber);
  // Whether the person is in the register (the target class) is known only to the matcher: false here, decided there.
  const fired = warningFor(row.detail, rules, false);
  if (!fired) return { personKey };
  const person: CleanPerson = { name: row.name, idNumber: row.idNumber, phone: null, address: null };
  const masks = maskedPerson(person);
  return {
    personKey,
    warning: {
      level: fired.level,
      signal: fired.signal,
      period: fired.period,
      name: row.name,
      region: row.region,
      township: row.township,
      detailEnc: vault.encrypt(warningDetail(source, fired)).toString('base64'),
      subjectEnc: vault.encrypt(person).toString('base64'),
      nameKey: matchKeys(vault, person).nameKey,
      nameMasked: masks.nameMasked,
      idMasked: masks.idMasked,
    },
  };
}

/** Good rows → prepared rows in batches of JSON text (each parsed just before it is matched). */
export function preparedBatches(vault: Vault, source: SignalSource, rows: readonly SignalRow[], rules: WarningParameterValues, size: number): string[] {
  const batches: string[] = [];
  for (let i = 0; i < rows.length; i += size) {
    batches.push(JSON.stringify(rows.slice(i, i + size).map((row) => prepareSignal(vault, source, row, rules))));
  }
  return batches;
}
