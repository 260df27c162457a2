import { BEHIND_PROXY, runBench } from './bench/run';
import { runRegisterBench } from './bench/register';
import { runReportsBench } from './bench/reports';
import { runWarningsBench } from './bench/warnings';

const args = process.argv.slice(2);
await (args.includes('--only=warnings') ? runWarningsBench(BEHIND_PROXY) : args.includes('--only=reports') ? runReportsBench(BEHIND_PROXY) : args.includes('--only=register') ? runRegisterBench(BEHIND_PROXY) : runBench(args));
