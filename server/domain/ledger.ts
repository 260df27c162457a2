import { RISK_LABEL, type RiskLevel } from '../../shared/cases/risk';
import { STATUS_LABEL, type CaseStatus } from '../../shared/cases/status';
import { DECISIONS } from '../../shared/cases/workflow';
import { labelOf } from '../../shared/cases/labels';
import { MEASURE_KINDS, MEASURE_STATUSES, type MeasureKind, type MeasureStatus } from '../../shared/plan/measures';
import { TARGET_CLASS_LABEL, type TargetClass } from '../../shared/screening/result';
import type { Store } from '../db/store';
import type { Repositories } from '../repositories';
import type { LedgerFilter, LedgerRow } from '../repositories/ledger';
import { chinaDate } from './clock';
import type { Vault } from './crypto';
import { csvInBatches, exportInBatches, personCells } from './export-batches';

/** The ledger reads only its own repository. */
export type LedgerRepos = Pick<Repositories, 'ledger'>;
type Cells = Array<string | number | null>;

export const LEDGER_HEADER = [
  '案件编号', '乡镇（街道）', '村（社区）', '姓名', '身份证号', '手机号', '地址', '来源', '状态', '风险等级', '对象类别',
  '认定结果', '认定日期', '受理日期', '首次联系日期', '应办日期', '是否超期', '办结日期', '经办人',
  '帮扶措施',
];

const BATCH = 500;

const day = (iso: string | null) => (iso ? chinaDate(iso) : '');

/** One ledger row as cells, shared by the CSV and the XLSX export. */
async function cells(repos: LedgerRepos, vault: Vault, row: LedgerRow, unmasked: boolean, now: string): Promise<Cells> {
  const decisions = (await repos.ledger.decisionsOf(row.id)).map((event) => {
    const detail = event.detail_enc ? vault.decrypt<{ decision?: string }>(event.detail_enc) : {};
    return { at: event.at, label: detail.decision ? labelOf(DECISIONS, detail.decision) : '' };
  });
  const last = decisions.at(-1);
  const measures = await repos.ledger.measuresOf(row.id);
  return [
    ...personCells(vault, row, unmasked),
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
    measures
      .map((m) => `${labelOf(MEASURE_KINDS, m.kind as MeasureKind)}：${m.title}（${labelOf(MEASURE_STATUSES, m.status as MeasureStatus)}）`)
      .join('；'),
  ];
}

/** Every ledger row as cells, in batches (see exportInBatches: no read stays open while a download pauses). */
export function ledgerRows(store: Store, vault: Vault, filter: LedgerFilter, unmasked: boolean, now: string): AsyncGenerator<Cells[]> {
  const { repos } = store;
  return exportInBatches(
    (afterId, limit) => repos.ledger.batch(filter, afterId, limit),
    (row) => cells(repos, vault, row, unmasked, now),
    BATCH,
  );
}

/** The ledger as CSV text chunks, one per batch. */
export function ledgerCsv(store: Store, vault: Vault, filter: LedgerFilter, unmasked: boolean, now: string): AsyncGenerator<string> {
  return csvInBatches(LEDGER_HEADER, ledgerRows(store, vault, filter, unmasked, now));
}
