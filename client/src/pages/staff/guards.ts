import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import { PROVINCE_PAGES, useStaffSession } from '../../stores/staffSession';

type GuardResult = true | RouteLocationRaw;

const QUEUE = '/staff/cases';
/** A partner's one page: the referrals addressed to its resource. */
const PARTNER = '/partner';
/** A province admin's first page: the statistics of every county. */
const PROVINCE = PROVINCE_PAGES[0]!;

/** Only a path inside the workbench or county administration may be a redirect target (no open redirects). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && (value.startsWith('/staff/') || value === '/admin' || value.startsWith('/admin/') || value === PARTNER) && !/\/\/|\\/.test(value)
    ? value
    : QUEUE;
}

async function restored() {
  const session = useStaffSession();
  try {
    await session.restore();
  } catch {
    // Offline: the login page says so when the person tries.
  }
  return session;
}

/** The login page: someone already signed in goes straight on. */
export async function guestOnly(to: RouteLocationNormalized): Promise<GuardResult> {
  const session = await restored();
  if (!session.user) return true;
  if (session.user.mustChangePassword) return { path: '/staff/password', query: to.query };
  if (session.isPartner) return PARTNER;
  if (session.isProvince) return PROVINCE_PAGES.includes(String(to.query.redirect)) ? String(to.query.redirect) : PROVINCE;
  return safeRedirect(to.query.redirect);
}

/** Pages that need a session (the password page). */
export async function signedIn(to: RouteLocationNormalized): Promise<GuardResult> {
  const session = await restored();
  return session.user ? true : { path: '/staff', query: { redirect: to.fullPath } };
}

/** Pages that need a session with a password the person chose. */
export async function ready(to: RouteLocationNormalized): Promise<GuardResult> {
  const session = await restored();
  if (!session.user) return { path: '/staff', query: { redirect: to.fullPath } };
  if (session.user.mustChangePassword) return { path: '/staff/password', query: { redirect: to.fullPath } };
  // The workbench is not for partners (the server refuses them too): they have their own page.
  if (session.isPartner) return PARTNER;
  // Nor for a province admin (the server refuses it too): statistics and ledgers only.
  if (session.isProvince && !PROVINCE_PAGES.includes(to.path)) return PROVINCE;
  return true;
}

/** The partner page: signed in as a partner; staff go to their workbench. */
export async function partnerOnly(to: RouteLocationNormalized): Promise<GuardResult> {
  const session = await restored();
  if (!session.user) return { path: '/staff', query: { redirect: PARTNER } };
  if (session.user.mustChangePassword) return { path: '/staff/password', query: { redirect: to.fullPath } };
  return session.isPartner ? true : QUEUE;
}
