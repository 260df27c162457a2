import { BEHIND_PROXY, runBench } from './bench/run';
import { runSectionAlone, SECTIONS } from './bench/sections';

const args = process.argv.slice(2);
// `--only=register`, `--only=reports`…: one of SECTIONS alone; `--only=phone` and `--only=api` are parts of runBench.
// `--engine pg [--cases N]` is the engines section: PostgreSQL measured side by side with SQLite at the same size.
const engineAsked = args.some((arg) => arg === '--engine' || arg.startsWith('--engine='));
const only = engineAsked ? 'engines' : args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const section = only === undefined ? undefined : SECTIONS[only];
await (section ? runSectionAlone(section, BEHIND_PROXY) : runBench(args));
