/** The departments' lists (数据来源) and their column layouts: every source has 身份证号, 姓名, 区划代码, then its own. */
export const SIGNAL_SOURCES = ['medical', 'disability', 'death', 'unemployment', 'student', 'exit'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

export const SOURCE_LABEL: Readonly<Record<SignalSource, string>> = {
  medical: '医保（自付医疗费用）',
  disability: '残联（残疾人证）',
  death: '死亡人员',
  unemployment: '人社（登记失业）',
  student: '教育（家庭经济困难学生）',
  exit: '退出低保、特困',
};

export const COMMON_COLUMNS = { idNumber: '身份证号', name: '姓名', region: '区划代码' } as const;

/** Each source's own columns, all required; key → Chinese header. */
export const SOURCE_COLUMNS = {
  medical: { amount: '自付金额', from: '期间起', to: '期间止' },
  disability: { kind: '残疾类别', grade: '残疾等级', issued: '发证日期' },
  death: { died: '死亡日期', age: '年龄' },
  unemployment: { registered: '登记日期' },
  student: { school: '学校', hardship: '困难等级' },
  exit: { formerCategory: '原类别', exited: '退出日期' },
} as const satisfies Record<SignalSource, Record<string, string>>;

export function isSignalSource(value: string): value is SignalSource {
  return (SIGNAL_SOURCES as readonly string[]).includes(value);
}
