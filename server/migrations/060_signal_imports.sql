-- 数据预警 imports as background jobs (#18): one row per import, whoever started it (county UI or CLI), so any app
-- server can answer "how far is it" and the county sees the history. The per-row error report is row number,
-- column and reason only: never a cell of the department's list.
CREATE TABLE signal_imports (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('medical', 'disability', 'death', 'unemployment', 'student', 'exit')),
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  actor TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'parsing', 'matching', 'done', 'failed')),
  rows_total INTEGER NOT NULL DEFAULT 0,
  rows_done INTEGER NOT NULL DEFAULT 0,
  row_count INTEGER NOT NULL DEFAULT 0,
  matched INTEGER NOT NULL DEFAULT 0,
  warnings INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  problems_json TEXT,
  message TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX signal_imports_created ON signal_imports(created_at, id);

-- The rule preview's material: for the last import of each source, the figure each good row had for the rules
-- (amounts, grades, ages) and nothing that says whose; the next import of that source replaces it.
CREATE TABLE warning_rule_figures (
  source TEXT PRIMARY KEY,
  import_id INTEGER REFERENCES signal_imports(id),
  figures_json TEXT NOT NULL,
  saved_at TEXT NOT NULL
);

-- The county's warning rules as dated, sourced versions (all three rules in each), after parameter_versions.
CREATE TABLE warning_rule_versions (
  id INTEGER PRIMARY KEY,
  effective_from TEXT NOT NULL UNIQUE,
  values_json TEXT NOT NULL,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
