import { Type, type Static } from 'typebox';
import { CONTACT_TIMES, REPORTER_RELATIONS, SITUATIONS } from '../cases/labels';
import { AnswersSchema } from '../questionnaire/schema';

const values = <T extends { value: string }>(list: readonly T[]) => list.map((item) => item.value);

const RequestId = Type.String({ format: 'uuid', 'x-error': '请求编号不对，请刷新页面后重试' });
const EntryCode = Type.String({ minLength: 1, maxLength: 64 });
const Name = Type.String({ minLength: 1, maxLength: 30, 'x-error': '请填写姓名（30 个字以内）' });
const Phone = Type.String({ minLength: 1, maxLength: 24, 'x-error': '请输入 11 位手机号码，或带区号的固定电话' });
const IdNumber = Type.String({ maxLength: 24, 'x-error': '身份证号码应为 18 位，请核对' });
const Address = Type.String({ maxLength: 120, 'x-error': '地址请控制在 120 个字以内' });

export const RequestBody = Type.Object(
  {
    requestId: RequestId,
    entryCode: EntryCode,
    answers: AnswersSchema,
    person: Type.Object(
      {
        name: Name,
        phone: Phone,
        idNumber: Type.Optional(IdNumber),
        address: Type.Optional(Address),
        contactTime: Type.Optional(Type.Union(values(CONTACT_TIMES).map((v) => Type.Literal(v)))),
      },
      { additionalProperties: false },
    ),
    consent: Type.Literal(true, { 'x-error': '请勾选同意，工作人员才能联系您' }),
    note: Type.Optional(Type.String({ maxLength: 500, 'x-error': '补充说明请控制在 500 个字以内' })),
  },
  { additionalProperties: false },
);
export type RequestInput = Static<typeof RequestBody>;

export const ReportBody = Type.Object(
  {
    requestId: RequestId,
    entryCode: EntryCode,
    person: Type.Object(
      {
        name: Name,
        phone: Type.Optional(Phone),
        idNumber: Type.Optional(IdNumber),
        address: Type.String({ minLength: 2, maxLength: 120, 'x-error': '请填写对方的住址，方便工作人员上门（120 个字以内）' }),
        situation: Type.Array(Type.Union(values(SITUATIONS).map((v) => Type.Literal(v))), {
          minItems: 1,
          maxItems: SITUATIONS.length,
          uniqueItems: true,
          'x-error': '请至少选一种困难情况',
        }),
        description: Type.Optional(Type.String({ maxLength: 1000, 'x-error': '情况说明请控制在 1000 个字以内' })),
      },
      { additionalProperties: false },
    ),
    /** The 12 questions answered on the person's behalf (代填), if the reporter knows enough. */
    answers: Type.Optional(AnswersSchema),
    reporter: Type.Object(
      {
        relation: Type.Union(values(REPORTER_RELATIONS).map((v) => Type.Literal(v)), { 'x-error': '请选择您和对方的关系' }),
        name: Type.Optional(Type.String({ maxLength: 30 })),
        phone: Type.Optional(Phone),
      },
      { additionalProperties: false },
    ),
    consentConfirmed: Type.Literal(true, { 'x-error': '请先征得本人同意，再勾选确认' }),
  },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportBody>;

export const SubmissionCreated = Type.Object({ trackingCode: Type.String() });

export const TrackParams = Type.Object({ trackingCode: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const TrackResponse = Type.Object({
  status: Type.String(),
  statusText: Type.String(),
  updatedAt: Type.String(),
  timeline: Type.Array(Type.Object({ at: Type.String(), text: Type.String() })),
  feedback: Type.Optional(Type.String()),
  /** What is being done now, in plain words ("已请灵溪镇社工站联系您"): the case's referrals, never a person's name. */
  helping: Type.Optional(Type.Array(Type.String())),
});
export type TrackInfo = Static<typeof TrackResponse>;
