/**
 * The one error shape of every API response, and the stable codes clients may rely on.
 * Messages are plain Chinese a resident can act on; codes never change once published.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改',
  INVALID_JSON: '提交的内容格式不对，请刷新页面后重试',
  UNSUPPORTED_MEDIA_TYPE: '提交的内容格式不对，请刷新页面后重试',
  PAYLOAD_TOO_LARGE: '提交的内容太多了，请精简后再试',
  NOT_FOUND: '没有找到这个页面或内容',
  URL_TOO_LONG: '网址太长了，请重新扫码或重新输入',
  BAD_URL: '网址不完整或有误，请重新扫码',
  METHOD_NOT_ALLOWED: '不支持这种操作',
  ENTRY_NOT_FOUND: '没有找到这个幸福码，请确认二维码是否完整，或联系当地乡镇（街道）民政办',
  ENTRY_DISABLED: '这个幸福码已停用，请联系当地乡镇（街道）民政办',
  TRACKING_NOT_FOUND: '没有找到这个查询码，请核对后再试',
  RATE_LIMITED: '操作太频繁了，请稍等一会儿再试',
  INVALID_CREDENTIALS: '用户名或密码不对',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行这个操作',
  CSRF_FAILED: '页面已过期，请刷新后重试',
  PASSWORD_CHANGE_REQUIRED: '首次登录请先修改密码',
  SESSION_EXPIRED: '太久没有操作，请重新登录',
  LOGIN_THROTTLED: '密码错误次数太多，请稍等一会儿再试',
  REQUEST_ID_REUSED: '这份内容和之前提交的不一样，请回到上一页重新提交',
  CASE_NOT_FOUND: '没有找到这个案件',
  HOUSEHOLD_NOT_FOUND: '在册名单里没有找到这一户',
  MEASURE_NOT_FOUND: '这一户的帮扶计划里没有这项措施',
  INVALID_TRANSITION: '当前状态下不能进行这个操作',
  CONFLICT: '内容已被修改，请刷新后重试',
  USERNAME_TAKEN: '这个用户名已经有人用了，请换一个',
  SERVICE_UNAVAILABLE: '系统暂时繁忙，请稍后再试，您填写的内容不会丢失',
  INTERNAL_ERROR: '系统出了点问题，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
  };
}

export function errorBody(code: ErrorCode, message?: string, fields?: Record<string, string>): ErrorBody {
  return { error: { code, message: message ?? ERROR_CODES[code], ...(fields ? { fields } : {}) } };
}
