import { Type, type Static } from 'typebox';
import { StaffRoleSchema } from './staff-session';

export const StaffAccount = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: StaffRoleSchema,
  township: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  createdAt: Type.String(),
});
export type StaffAccountInfo = Static<typeof StaffAccount>;

export const StaffAccountList = Type.Object({ items: Type.Array(StaffAccount) });

const Township = Type.Union([Type.String({ pattern: '^\\d{12}$', 'x-error': '请选择乡镇（街道）' }), Type.Null()]);

export const CreateAccountBody = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9_.-]{3,32}$', 'x-error': '用户名请用 3 到 32 个英文字母、数字、下划线、点或短横线' }),
    role: StaffRoleSchema,
    township: Type.Optional(Township),
  },
  { additionalProperties: false },
);
export type CreateAccountInput = Static<typeof CreateAccountBody>;

export const UpdateAccountBody = Type.Object({ role: StaffRoleSchema, township: Type.Optional(Township) }, { additionalProperties: false });

export const AccountParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,9}$' }) }, { additionalProperties: false });

/** The temporary password is in this response only: it is shown once and never stored in clear. */
export const AccountWithPassword = Type.Object({ account: StaffAccount, temporaryPassword: Type.String() });

/** The message next to the username field when the name is already in use. */
export const usernameTaken = (username: string): string => `用户名 ${username} 已经有人用了，请换一个`;
