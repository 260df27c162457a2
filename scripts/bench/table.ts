export interface Row {
  name: string;
  figure: string;
  target: string;
}

/** One plain table, "figure / target", readable in a terminal and in CI logs. */
export function printTable(rows: Row[]): void {
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
  const w0 = Math.max(...rows.map((r) => width(r.name)), 4);
  const w1 = Math.max(...rows.map((r) => width(r.figure)), 6);
  console.log(`${pad('指标', w0)}  ${pad('实测', w1)}  目标`);
  console.log('-'.repeat(w0 + w1 + 16));
  for (const row of rows) console.log(`${pad(row.name, w0)}  ${pad(row.figure, w1)}  ${row.target}`);
}
