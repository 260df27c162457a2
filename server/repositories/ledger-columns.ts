/** What every 台账 row starts with: its id, its region names, and the person (sealed, and masked). */
export interface LedgerPersonColumns {
  id: number;
  township_name: string | null;
  village_name: string | null;
  subject_enc: Buffer;
  name_masked: string;
  phone_masked: string | null;
  id_masked: string | null;
  address_masked: string | null;
}

/**
 * Those columns, selected from table `alias` left-joined to regions as `t` (township) and `v` (village).
 * Both 台账 (cases, the register) read them the same way.
 */
export const ledgerPersonColumns = <A extends string>(alias: A) =>
  [
    `${alias}.id`,
    't.name as township_name',
    'v.name as village_name',
    `${alias}.subject_enc`,
    `${alias}.name_masked`,
    `${alias}.phone_masked`,
    `${alias}.id_masked`,
    `${alias}.address_masked`,
  ] as const;
