import { Type, type Static } from 'typebox';

export const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });

export const EntryParams = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export const EntryResponse = Type.Object({
  code: Type.String(),
  label: Type.Union([Type.String(), Type.Null()]),
  township: RegionRef,
  village: Type.Optional(RegionRef),
  active: Type.Boolean(),
  /** The township's phone, so a resident always has someone to call. */
  phone: Type.Optional(Type.String()),
});

export type EntryInfo = Static<typeof EntryResponse>;
