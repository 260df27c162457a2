import { Type, type Static } from 'typebox';

const Text = (max: number, message: string) => Type.String({ minLength: 1, maxLength: max, 'x-error': message });
const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', 'x-error': '生效日期请写成 2025-07-01 的样子' });

/** The words of a policy staff may edit; which answers list it (skip rules, member filters) stays as shipped. */
export const PolicyFields = {
  name: Text(60, '请填写政策名称（60 字以内）'),
  department: Text(100, '请填写经办部门（100 字以内）'),
  summary: Text(200, '请填写一句话说明（200 字以内）'),
  whoQualifies: Text(1000, '请填写适用对象（1000 字以内）'),
  whatItGives: Text(1000, '请填写救助内容（1000 字以内）'),
  howToApply: Text(1000, '请填写办理方式（1000 字以内）'),
  documents: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20, 'x-error': '所需材料每项 200 字以内，最多 20 项' }),
  outcomes: Type.Array(Type.String({ maxLength: 30 }), { minItems: 1, maxItems: 9, 'x-error': '请至少选择一个关联的救助类别' }),
  basis: Text(500, '请填写政策依据（500 字以内）'),
};

export const PolicyBody = Type.Object(PolicyFields, { additionalProperties: false });
export type PolicyInput = Static<typeof PolicyBody>;

export const NewPolicyBody = Type.Object(
  { id: Type.String({ pattern: '^[a-z][a-z0-9_]{2,39}$', 'x-error': '编号请用 3 到 40 个小写英文字母、数字或下划线，以字母开头' }), ...PolicyFields },
  { additionalProperties: false },
);

export const PolicyItem = Type.Object({
  id: Type.String(),
  ...PolicyFields,
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type PolicyItemInfo = Static<typeof PolicyItem>;

export const PolicyList = Type.Object({
  items: Type.Array(PolicyItem),
  outcomes: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
});

export const VersionParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,12}$' }) }, { additionalProperties: false });

export const PolicyParams = Type.Object({ id: Type.String({ pattern: '^[a-z][a-z0-9_]{2,39}$' }) }, { additionalProperties: false });

const ParameterValue = Type.Union([Type.Number(), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })]);

export const ParameterVersionBody = Type.Object(
  {
    effectiveFrom: Day,
    source: Text(1000, '请写明依据（文件名称、文号或说明，1000 字以内）'),
    values: Type.Record(Type.String({ maxLength: 60 }), ParameterValue),
  },
  { additionalProperties: false },
);
export type ParameterVersionInput = Static<typeof ParameterVersionBody>;

const Dated = Type.Object({ value: ParameterValue, effectiveFrom: Type.String(), source: Type.String() });

export const ParametersResponse = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String() }),
  asOf: Type.String(),
  /** `<region>@<date>` of the figures in force today. */
  version: Type.String(),
  current: Type.Record(Type.String(), ParameterValue),
  /** Each parameter's full dated history, shipped values first. */
  history: Type.Record(Type.String(), Type.Array(Dated)),
  versions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      effectiveFrom: Type.String(),
      source: Type.String(),
      createdAt: Type.String(),
      createdBy: Type.String(),
      withdrawnAt: Type.Union([Type.String(), Type.Null()]),
      withdrawnBy: Type.Union([Type.String(), Type.Null()]),
      /** Not yet in effect and not withdrawn. */
      canWithdraw: Type.Boolean(),
    }),
  ),
  /** The sudden events 临时救助 may start from, for the list parameter. */
  triggerOptions: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
});
export type ParametersInfo = Static<typeof ParametersResponse>;

const Outcome = Type.Object({ level: Type.String(), verdict: Type.String(), outcomes: Type.Array(Type.String()) });

export const PreviewResponse = Type.Object({
  effectiveFrom: Type.String(),
  before: Type.String(),
  after: Type.String(),
  /** Where the answer sets came from: the test fixtures file, or the built-in examples. */
  source: Type.String(),
  total: Type.Integer(),
  changed: Type.Integer(),
  cases: Type.Array(Type.Object({ name: Type.String(), changed: Type.Boolean(), before: Outcome, after: Outcome })),
});
export type PreviewInfo = Static<typeof PreviewResponse>;

