/** What the county's resource library (资源库) holds, in the words the seeds use. Ids are stable. */
export const RESOURCE_KINDS = [
  { value: 'organisation', label: '社会组织' },
  { value: 'department', label: '职能部门' },
  { value: 'enterprise', label: '爱心企业' },
  { value: 'service', label: '政府购买服务' },
  { value: 'station', label: '助联体服务站' },
  { value: 'wish', label: '微心愿' },
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number]['value'];

/** Service types offered as suggestions; the county may type others. */
export const SUGGESTED_SERVICE_TYPES = [
  '生活照料',
  '医疗陪护',
  '心理疏导',
  '助学',
  '就业帮扶',
  '住房改造',
  '法律援助',
  '物资帮扶',
  '残疾康复',
  '儿童关爱',
] as const;

export const SERVICE_TYPES_MAX = 12;
