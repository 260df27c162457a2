import { Type, type Static } from 'typebox';
import { PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH } from '../accounts/password';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64, 'x-error': '请填写用户名' }),
    password: Type.String({ minLength: 1, maxLength: 200, 'x-error': '请填写密码' }),
  },
  { additionalProperties: false },
);

/** The roles the county's account pages manage; partners are created from the command line. */
export const StaffRoleSchema = Type.Union([Type.Literal('county_admin'), Type.Literal('township_staff'), Type.Literal('viewer')]);
/**
 * Who may sign in: staff, a partner (a resource's own account, which sees only its referrals), or a province admin
 * (reads every county's statistics and ledgers, changes nothing; #16).
 */
export const SessionRoleSchema = Type.Union([StaffRoleSchema, Type.Literal('partner'), Type.Literal('province_admin')]);

export const StaffMe = Type.Object({
  user: Type.Object({
    id: Type.Integer(),
    username: Type.String(),
    role: SessionRoleSchema,
    township: Type.Union([Type.String(), Type.Null()]),
    townshipName: Type.Union([Type.String(), Type.Null()]),
    mustChangePassword: Type.Boolean(),
  }),
  /** Sent back in the `x-csrf-token` header on every staff write. */
  csrfToken: Type.String(),
});
export type StaffMeInfo = Static<typeof StaffMe>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200, 'x-error': '请填写现在的密码' }),
    newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200, 'x-error': PASSWORD_MESSAGES.tooShort }),
  },
  { additionalProperties: false },
);
