/** The policy library: the shape of an entry and the demo county's entries. */
export type { Policy } from './policy';
export { DEMO_COUNTY_POLICIES } from './demo-county-policies';
