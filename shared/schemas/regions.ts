import { Type, type Static } from 'typebox';

export const RegionItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Union([Type.Literal('county'), Type.Literal('township'), Type.Literal('village')]),
  parent: Type.Union([Type.String(), Type.Null()]),
});
export type RegionInfo = Static<typeof RegionItem>;

export const RegionList = Type.Array(RegionItem);
