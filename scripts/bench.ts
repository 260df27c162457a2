import { runBench } from './bench/run';

await runBench(process.argv.slice(2));
