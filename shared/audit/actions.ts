import { WORKFLOW, type CaseEventType } from '../cases/workflow';

/**
 * What each audit-log action means, in the words staff and supervisors use. The log keeps the stable
 * code (`case.reveal`); every screen shows the label.
 */
export const AUDIT_ACTION_LABEL: Readonly<Record<string, string>> = {
  'case.reveal': '查看完整信息',
  'case.view': '打开案件',
  'case.merge': '合并同一人的案件',
  'login': '登录',
  'login.failed': '登录失败',
  'login.locked': '登录失败次数过多',
  'logout': '退出登录',
  'user.create': '新建账号',
  'user.update': '修改账号角色或乡镇',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.reset_password': '重置密码',
  'user.change_password': '修改自己的密码',
  'entry.create': '新建幸福码',
  'entry.batch_create': '批量新建幸福码',
  'entry.disable': '停用幸福码',
  'entry.enable': '启用幸福码',
  'ledger.export_unmasked': '导出含完整信息的台账',
  'retention.redact': '清除到期个人信息',
  'policy.create': '新增政策',
  'policy.update': '修改政策',
  'parameters.create_version': '保存筛查参数新版本',
  'parameters.withdraw_version': '撤回未生效的筛查参数版本',
  'household.reveal': '查看在册家庭的完整信息',
  'household.visit': '记录在册家庭的探访',
  'household.review.continue': '在册家庭复核：继续保障',
  'household.review.change': '在册家庭复核：调整类别',
  'household.review.exit': '在册家庭复核：退出',
  'household.plan.add': '在帮扶计划里新增措施',
  'household.plan.status': '更改帮扶措施的状态',
  'household.plan.drop': '不采纳帮扶计划的建议',
  'household.case_opened': '探访发现需要帮助，新建案件',
  'register.import': '导入在册名单',
  'warnings.import': '导入部门数据预警名单',
  'warnings.import_refused': '部门数据预警名单没能导入（文件读不出来或缺列）',
  'warnings.import_errors_download': '下载部门数据导入的错误报告',
  'warnings.rules_version': '保存新的数据预警规则版本',
  'resource.create': '新增资源',
  'resource.update': '修改资源',
  'resource.retire': '停用资源',
  'resource.restore': '恢复资源',
  'resource.import': '导入资源库',
  'case.referral': '案件：转介到资源',
  'referral.share_contact': '向合作方提供联系电话',
  'referral.accept': '合作方接单',
  'referral.decline': '合作方婉拒',
  'referral.complete': '合作方完成转介',
};

/** The Chinese label of an audit action; workflow steps (`case.visit`) use the step's own verb. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABEL[action];
  if (known) return known;
  const step = action.startsWith('case.') ? WORKFLOW[action.slice(5) as CaseEventType] : undefined;
  return step ? `案件：${step.verb}` : action;
}
