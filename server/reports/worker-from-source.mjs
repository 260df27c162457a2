// The report worker's entry when the server runs from its TypeScript sources (tsx, Vitest): Node does not
// pass a parent's TypeScript loader on to worker threads, so this thread compiles worker.ts through tsx.
// `npm start` uses build/report-worker.mjs instead (scripts/build.mjs).
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./worker.ts', import.meta.url);
export const { stats, ledger, registerSummary, registerLedger, parseSignalFile } = worker;
