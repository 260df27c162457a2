import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';

/** Signed in, password chosen, and a county admin; anyone else goes back to the workbench queue. */
async function countyAdminOnly(to: RouteLocationNormalized) {
  const allowed = await (await import('../staff/guards')).ready(to);
  if (allowed !== true) return allowed;
  const { useStaffSession } = await import('../../stores/staffSession');
  const session = useStaffSession();
  // A province admin passed `ready` only for its own pages (statistics, ledgers).
  return session.isCounty || session.isProvince ? true : '/staff/cases';
}

/** County administration (县民政局): every page lazy, so neither residents nor township staff download it. */
export const adminRoutes: RouteRecordRaw[] = [
  { path: '/admin/entries/print', component: () => import('./PosterPrintPage.vue'), beforeEnter: countyAdminOnly },
  {
    path: '/admin',
    component: () => import('./AdminLayout.vue'),
    beforeEnter: countyAdminOnly,
    children: [
      { path: '', redirect: '/admin/entries' },
      { path: 'entries', component: () => import('./EntriesPage.vue'), meta: { title: '幸福码管理' } },
      { path: 'users', component: () => import('./UsersPage.vue'), meta: { title: '工作人员账号' } },
      { path: 'policies', component: () => import('./PoliciesPage.vue'), meta: { title: '政策库' } },
      { path: 'resources', component: () => import('./ResourcesPage.vue'), meta: { title: '资源库' } },
      { path: 'parameters', component: () => import('./ParametersPage.vue'), meta: { title: '筛查参数' } },
      { path: 'stats', component: () => import('./StatsPage.vue'), meta: { title: '统计' } },
      { path: 'ledger', component: () => import('./LedgerPage.vue'), meta: { title: '台账导出' } },
      { path: 'register', component: () => import('./RegisterImportPage.vue'), meta: { title: '在册名单' } },
      { path: 'signals', component: () => import('./SignalImportPage.vue'), meta: { title: '数据预警导入' } },
      { path: 'audit', component: () => import('./AuditPage.vue'), meta: { title: '审计日志' } },
    ],
  },
];
