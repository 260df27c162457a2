import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { StaffMeInfo } from '@shared/schemas/staff-session';
import { ApiError, api } from '../api/http';

export type StaffUserInfo = StaffMeInfo['user'];

export const ROLE_LABEL: Record<StaffUserInfo['role'], string> = {
  county_admin: '县级管理员',
  township_staff: '乡镇（街道）经办人员',
  viewer: '只读账号',
  partner: '合作方（社会力量）',
  province_admin: '省级管理员（只看统计和台账）',
};

/** What a province admin may open: statistics and the (masked) ledgers. */
export const PROVINCE_PAGES = ['/admin/stats', '/admin/ledger'];

/**
 * Who is signed in to the staff workbench, and the CSRF token every write sends back.
 * The session itself is an HttpOnly cookie; this store only mirrors what GET /api/staff/me says.
 */
export const useStaffSession = defineStore('staffSession', () => {
  const user = ref<StaffUserInfo | null>(null);
  const csrfToken = ref('');
  /** Whether GET /api/staff/me has been asked since the page loaded. */
  const checked = ref(false);
  /** Why the person is back on the login page (e.g. the session timed out). */
  const notice = ref('');

  const canWrite = computed(() => user.value !== null && user.value.role !== 'viewer' && user.value.role !== 'province_admin');
  const isCounty = computed(() => user.value?.role === 'county_admin');
  /** Reads every county's statistics and ledgers, changes nothing (#16). */
  const isProvince = computed(() => user.value?.role === 'province_admin');
  const isPartner = computed(() => user.value?.role === 'partner');

  function accept(me: StaffMeInfo): void {
    user.value = me.user;
    csrfToken.value = me.csrfToken;
    checked.value = true;
    notice.value = '';
  }

  let restoring: Promise<void> | null = null;
  /** Picks up an existing session after a reload; asks the server once per page load. */
  function restore(): Promise<void> {
    if (checked.value) return Promise.resolve();
    restoring ??= api<StaffMeInfo>('/api/staff/me')
      .then(accept)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.isNetwork) throw error;
        user.value = null;
        checked.value = true;
      })
      .finally(() => (restoring = null));
    return restoring;
  }

  async function login(username: string, password: string): Promise<void> {
    accept(await api<StaffMeInfo>('/api/staff/session', { method: 'POST', body: { username, password } }));
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    accept(
      await api<StaffMeInfo>('/api/staff/password', {
        method: 'POST',
        body: { currentPassword, newPassword },
        headers: { 'x-csrf-token': csrfToken.value },
      }),
    );
  }

  async function logout(): Promise<void> {
    try {
      await api<void>('/api/staff/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken.value } });
    } catch {
      // Already gone on the server; forget it here too.
    }
    forget('您已安全退出。');
  }

  /** The server no longer knows this session: drop it and say why on the login page. */
  function forget(reason = ''): void {
    user.value = null;
    csrfToken.value = '';
    checked.value = true;
    notice.value = reason;
  }

  function requirePasswordChange(): void {
    if (user.value) user.value = { ...user.value, mustChangePassword: true };
  }

  return { user, csrfToken, checked, notice, canWrite, isCounty, isPartner, isProvince, restore, login, changePassword, logout, forget, requirePasswordChange };
});
