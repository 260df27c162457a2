import { Type } from 'typebox';

/** The one error shape: `{ error: { code, message, fields? } }`. */
export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});

export const HealthResponse = Type.Object({ status: Type.Literal('ok') });

/** The rows a file import refused, each with its reason in Chinese (row 1 is the header). */
export const RejectedRows = Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String() }));
