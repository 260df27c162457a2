// The monitoring register's tables (migrations 030–032, 041): households, their visits, events, cases and plans.
// Part of the one schema type in ./schema.ts.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the register repositories move to Kysely
export interface RegisterTables {}
