type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** A row's columns as the app names them: `scan_count` → `scanCount`, and the 0/1 flags as booleans. */
export type Fields<Row, Column extends keyof Row & string, Flag extends Column> = {
  [C in Column as Camel<C>]: C extends Flag ? boolean : Row[C];
};

/**
 * The listed columns of a row, camelCased, with `flags` (stored 0/1 on both engines) read as booleans. Only the
 * listed columns: a row read with a join carries more.
 */
export function fieldsOf<Row, Column extends keyof Row & string, Flag extends Column>(
  row: Row,
  columns: readonly Column[],
  flags: readonly Flag[],
): Fields<Row, Column, Flag> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const name = column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    out[name] = (flags as readonly string[]).includes(column) ? row[column] === 1 : row[column];
  }
  return out as Fields<Row, Column, Flag>;
}
