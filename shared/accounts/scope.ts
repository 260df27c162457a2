/**
 * Tenancy by county (#16). Region codes are 12 digits: a county is its first 6 digits then 000000, a township its
 * first 9 then 000. One database may hold a province; every read of shared data is narrowed to a place: a township,
 * a county, or nowhere in particular (the province).
 */

/** The 12-digit code of the county a township or village code lies in. */
export const countyOf = (code: string): string => `${code.slice(0, 6)}000000`;

/** A county's own code (6 digits, then zeros); a township's code never ends in six zeros. */
export const isCountyCode = (code: string): boolean => /^\d{6}0{6}$/.test(code);

/** What an account may read: one county (null: every county) and, within it, one township (null: the whole county). */
export interface Scope {
  county: string | null;
  township: string | null;
}

/** Whether a township lies inside a scope. */
export const inScope = (scope: Scope, township: string): boolean =>
  (scope.township === null || scope.township === township) && (scope.county === null || countyOf(township) === scope.county);

/** Whether a township lies in a place: a township code, a county code, or null for everywhere. */
export const inPlace = (place: string | null | undefined, township: string): boolean =>
  !place || (isCountyCode(place) ? countyOf(township) === place : township === place);

/** The narrowest place a scope covers: its township, else its county, else null (the province). */
export const placeOf = (scope: Scope): string | null => scope.township ?? scope.county;

/**
 * Why an account of a county (county admin, viewer, township staff) with no county is refused: it was made before
 * any region existed, and with several counties in the database nobody can tell which one is its own.
 */
export const NO_COUNTY_MESSAGE = '这个账号还没有所属的县（市、区），暂时不能使用。请系统管理员用命令行给它所属的县重新建一个账号';
