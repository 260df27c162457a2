import { Type, type Static } from 'typebox';

/** The public view of the policy library (政策库): what a resident needs to apply. */
export const PolicyDetail = Type.Object({
  id: Type.String(),
  name: Type.String(),
  department: Type.String(),
  summary: Type.String(),
  whoQualifies: Type.String(),
  whatItGives: Type.String(),
  howToApply: Type.String(),
  documents: Type.Array(Type.String()),
  outcomes: Type.Array(Type.String()),
  basis: Type.String(),
});
export type PolicyDetailInfo = Static<typeof PolicyDetail>;

export const PoliciesResponse = Type.Object({ policies: Type.Array(PolicyDetail) });

/** Whose library (#16): a county's 12-digit region code; left out: the province-wide library. */
export const PoliciesQuery = Type.Object({ county: Type.Optional(Type.String({ pattern: '^[0-9]{6}000000$' })) });
