import { BEHIND_PROXY, runBench } from './bench/run';
import { runRegisterBench } from './bench/register';
import { runReportsBench } from './bench/reports';

const args = process.argv.slice(2);
await (args.includes('--only=reports') ? runReportsBench(BEHIND_PROXY) : args.includes('--only=register') ? runRegisterBench(BEHIND_PROXY) : runBench(args));
