import path from 'node:path';
import type { SignalRejection } from '../../shared/warnings/rows';
import type { SignalSource } from '../../shared/warnings/sources';
import type { Store } from '../db/store';
import type { Vault } from '../domain/crypto';
import { createSignalImportJobs } from '../domain/signal-import-jobs';
import { parseSignalFile } from '../domain/signal-parse';
import type { SignalImportSummary } from '../domain/warning-import';

/** Above this many rows the CLI prints a progress line on stderr (stdout stays one JSON document). */
export const CLI_PROGRESS_ROWS = 2000;

/**
 * `npm run admin -- import-signals`: the same job as the county's page (a signal_imports row with actor, file hash,
 * counts and error lines, so it shows in the page's history; audited), run to its end on this thread.
 */
export async function importSignalsFromCli(
  store: Store,
  vault: Vault,
  upload: { source: SignalSource; file: string; bytes: Uint8Array; county: string | null },
  progress: (line: string) => void,
): Promise<{ ok: true; summary: SignalImportSummary } | { ok: false; message: string }> {
  let failure: unknown;
  const jobs = createSignalImportJobs({
    store,
    vault,
    parse: (task) => parseSignalFile(task, vault),
    onError: (err) => (failure = err),
    onProgress: (done, total) => {
      if (total > CLI_PROGRESS_ROWS) progress(`已处理 ${done} / ${total} 行`);
    },
  });
  const id = await jobs.start({ source: upload.source, fileName: path.basename(upload.file), bytes: upload.bytes, actor: 'cli', county: upload.county });
  await jobs.idle();
  if (failure !== undefined) throw failure;
  const job = (await store.repos.signalImports.find(id))!;
  if (job.status !== 'done') return { ok: false, message: job.message ?? '导入没有完成' };
  // One line per bad row, its cells' reasons in order, as the import reported them before it was a job.
  const rejected: SignalRejection[] = [];
  for (const line of (await store.repos.signalImports.problems(id)) ?? []) {
    const last = rejected.at(-1);
    if (last?.row === line.row) last.reason += `；${line.reason}`;
    else rejected.push({ row: line.row, reason: line.reason });
  }
  return { ok: true, summary: { rows: job.rows, matched: job.matched, warnings: job.warnings, duplicates: job.duplicates, rejected } };
}
