import { BEHIND_PROXY, runBench } from './bench/run';
import { runReportsBench } from './bench/reports';

const args = process.argv.slice(2);
await (args.includes('--only=reports') ? runReportsBench(BEHIND_PROXY) : runBench(args));
