import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU time a process has used so far, in milliseconds (from /proc/<pid>/stat). */
export function processCpuMs(pid: number): number {
  // Fields after the command name (which may contain spaces) start at the state, field 3; utime and stime are 14 and 15.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
