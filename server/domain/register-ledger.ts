import { VISIT_DIMENSIONS } from '../../shared/cases/workflow';
import { categoryLabel, REGISTER_LEVEL_LABELS, type RegisterLevel } from '../../shared/register/categories';
import type { RegisterLedgerFilter, RegisterLedgerRepository } from '../repositories/register-ledger';
import type { Vault } from './crypto';
import { csvInBatches, exportInBatches, personCells } from './export-batches';

export type RegisterLedgerRepos = { registerLedger: RegisterLedgerRepository };
type Cells = Array<string | number | null>;

export const REGISTER_LEDGER_HEADER = [
  '在册编号', '乡镇（街道）', '村（社区）', '姓名', '身份证号', '手机号', '地址', '类别', '纳入日期', '监测截止', '风险等级',
  '收入不稳定', '上次探访', '下次探访', '下次复核', '未清零风险', '关联案件',
];
const BATCH = 500;
const dimension = (d: string) => VISIT_DIMENSIONS.find((x) => x.value === d)?.label ?? d;

/** Every register row as cells, in batches: masked unless the caller chose the audited full export. */
export function registerLedgerRows(repos: RegisterLedgerRepos, vault: Vault, filter: RegisterLedgerFilter, unmasked: boolean): AsyncGenerator<Cells[]> {
  return exportInBatches(
    (afterId, limit) => repos.registerLedger.batch(filter, afterId, limit),
    (row): Cells => {
      return [
        ...personCells(vault, row, unmasked),
        categoryLabel(row.category),
        row.category_since,
        row.monitored_until ?? '',
        REGISTER_LEVEL_LABELS[row.level as RegisterLevel] ?? row.level,
        row.unstable ? '是' : '否',
        row.last_visit_on ?? '',
        row.next_visit_on,
        row.next_review_on ?? '',
        Object.keys(JSON.parse(row.open_risks_json) as Record<string, string>).map(dimension).join('、'),
        row.cases ?? '',
      ];
    },
    BATCH,
  );
}

export function registerLedgerCsv(repos: RegisterLedgerRepos, vault: Vault, filter: RegisterLedgerFilter, unmasked: boolean): AsyncGenerator<string> {
  return csvInBatches(REGISTER_LEDGER_HEADER, registerLedgerRows(repos, vault, filter, unmasked));
}
