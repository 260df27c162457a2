/** 可能是同一人: why two open cases look like the same person, and what merging them does. */
export const SAME_PERSON_MATCH = {
  name_phone: '姓名和电话相同',
  name_village: '姓名和所在村（社区）相同',
} as const;
export type SamePersonMatch = keyof typeof SAME_PERSON_MATCH;

/** The older case remains; the newer one's submissions and steps move into it and it is closed. */
export function mergeConfirmText(older: number, newer: number): string {
  return `案件 ${newer} 的求助、反映和办理记录会并入较早的案件 ${older}，案件 ${newer} 随之办结。请先核实确是同一人。`;
}
