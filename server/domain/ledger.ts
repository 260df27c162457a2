import { RISK_LABEL, type RiskLevel } from '../../shared/cases/risk';
import { STATUS_LABEL, type CaseStatus } from '../../shared/cases/status';
import { DECISIONS } from '../../shared/cases/workflow';
import { labelOf } from '../../shared/cases/labels';
import { MEASURE_KINDS, MEASURE_STATUSES, type MeasureKind, type MeasureStatus } from '../../shared/plan/measures';
import { TARGET_CLASS_LABEL, type TargetClass } from '../../shared/screening/result';
import type { Repositories } from '../repositories';
import type { LedgerFilter, LedgerRow } from '../repositories/ledger';
import { chinaDate } from './clock';
import type { Vault } from './crypto';
import { csvRow } from './csv';
import type { CleanPerson } from './person';

/** The ledger reads only its own repository: the report worker opens no other. */
export type LedgerRepos = Pick<Repositories, 'ledger'>;

export const LEDGER_HEADER = [
  '案件编号', '乡镇（街道）', '村（社区）', '姓名', '身份证号', '手机号', '地址', '来源', '状态', '风险等级', '对象类别',
  '认定结果', '认定日期', '受理日期', '首次联系日期', '应办日期', '是否超期', '办结日期', '经办人',
  '帮扶措施',
];

/** Excel opens a UTF-8 CSV as Chinese only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';
const BATCH = 500;

const day = (iso: string | null) => (iso ? chinaDate(iso) : '');

/** One ledger row as cells, shared by the CSV and the XLSX export. */
function cells(repos: LedgerRepos, vault: Vault, row: LedgerRow, unmasked: boolean, now: string): Array<string | number | null> {
  const person = unmasked
    ? vault.decrypt<CleanPerson>(row.subject_enc)
    : { name: row.name_masked, idNumber: row.id_masked, phone: row.phone_masked, address: row.address_masked };
  const decisions = repos.ledger.decisionsOf(row.id).map((event) => {
    const detail = event.detail_enc ? vault.decrypt<{ decision?: string }>(event.detail_enc) : {};
    return { at: event.at, label: detail.decision ? labelOf(DECISIONS, detail.decision) : '' };
  });
  const last = decisions.at(-1);
  return [
    row.id,
    row.township_name,
    row.village_name,
    person.name,
    person.idNumber,
    person.phone,
    person.address,
    row.source === 'report' ? '他人反映' : '本人申请',
    STATUS_LABEL[row.status as CaseStatus] ?? row.status,
    RISK_LABEL[row.level as RiskLevel] ?? row.level,
    row.target_class ? (TARGET_CLASS_LABEL[row.target_class as TargetClass] ?? row.target_class) : '',
    decisions.map((d) => d.label).filter(Boolean).join('；'),
    day(last?.at ?? null),
    day(row.created_at),
    day(row.first_contact_at),
    day(row.due_at),
    row.closed_at === null && row.due_at !== null && row.due_at < now ? '是' : '否',
    day(row.closed_at),
    row.assignee,
    repos.ledger
      .measuresOf(row.id)
      .map((m) => `${labelOf(MEASURE_KINDS, m.kind as MeasureKind)}：${m.title}（${labelOf(MEASURE_STATUSES, m.status as MeasureStatus)}）`)
      .join('；'),
  ];
}

/**
 * Every ledger row, in batches. Each batch is read from an `iterate()` statement and fully consumed
 * before it is handed on: an iterator left open across the stream's pauses would keep the connection
 * busy and make every other request's write fail.
 */
export function* ledgerRows(repos: LedgerRepos, vault: Vault, filter: LedgerFilter, unmasked: boolean, now: string): Generator<Array<Array<string | number | null>>> {
  let afterId = 0;
  for (;;) {
    const batch: Array<Array<string | number | null>> = [];
    for (const row of repos.ledger.batch(filter, afterId, BATCH)) {
      batch.push(cells(repos, vault, row, unmasked, now));
      afterId = row.id;
    }
    if (batch.length) yield batch;
    if (batch.length < BATCH) return;
  }
}

/** The ledger as CSV text chunks, one per batch. */
export function* ledgerCsv(repos: LedgerRepos, vault: Vault, filter: LedgerFilter, unmasked: boolean, now: string): Generator<string> {
  yield BOM + csvRow(LEDGER_HEADER);
  for (const batch of ledgerRows(repos, vault, filter, unmasked, now)) yield batch.map((cellsOfRow) => csvRow(cellsOfRow)).join('');
}
