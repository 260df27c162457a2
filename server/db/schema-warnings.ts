import type { ColumnType, Generated } from 'kysely';

// 数据预警's own tables (migration 060): import jobs, the rule preview's figures, the rule versions.
// Part of the one schema type in ./schema.ts.

export interface SignalImportsTable {
  id: Generated<number>;
  source: string;
  file_name: string;
  file_hash: string;
  actor: string;
  status: 'queued' | 'parsing' | 'matching' | 'done' | 'failed';
  rows_total: Generated<number>;
  rows_done: Generated<number>;
  row_count: Generated<number>;
  matched: Generated<number>;
  warnings: Generated<number>;
  duplicates: Generated<number>;
  rejected: Generated<number>;
  /** [{row, column, reason}]: never a cell's text. */
  problems_json: string | null;
  /** Why a failed import stopped, in Chinese. */
  message: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** The importing admin's county (063). */
  county: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WarningRuleFiguresTable {
  /** The importing county (#16); null: an import of no county. */
  county: string | null;
  source: string;
  import_id: number | null;
  figures_json: string;
  saved_at: string;
}

export interface WarningRuleVersionsTable {
  id: Generated<number>;
  effective_from: string;
  values_json: string;
  source: string;
  created_at: string;
  created_by: string;
  /** The county whose version it is (065); null: province-wide (saved before #16), in force in every county. */
  county: string | null;
}

export interface WarningTables {
  signal_imports: SignalImportsTable;
  warning_rule_figures: WarningRuleFiguresTable;
  warning_rule_versions: WarningRuleVersionsTable;
}
