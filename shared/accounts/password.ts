/**
 * The rule for staff passwords, the same in the browser and on the server: long enough, not the
 * username, not on a list of passwords people commonly choose. The list itself (tens of thousands of
 * entries) lives on the server; the browser checks length and username before sending.
 */
export const PASSWORD_MIN_LENGTH = 10;

export const PASSWORD_MESSAGES = {
  tooShort: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
  sameAsUsername: '密码不能和用户名一样，也不能只是在用户名前后加几个字',
  common: '这个密码很常见，容易被别人猜到，请换一个（可以用一句好记的话，比如几个词连在一起）',
} as const;

export function passwordError(password: string, username: string, isCommon: (password: string) => boolean = () => false): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  // "admin", "admin2026", "2026admin!": the username with a little added is still a guess away.
  if (name && (lower === name || (lower.includes(name) && lower.length - name.length <= 6))) return PASSWORD_MESSAGES.sameAsUsername;
  if (isCommon(password)) return PASSWORD_MESSAGES.common;
  return null;
}
