/** A person's name as residents type it: required, at most 30 characters (minority names can be long). */
export const NAME_MAX_LENGTH = 30;

export function nameError(raw: string, missing = '请填写姓名'): string | null {
  const name = raw.trim();
  if (!name) return missing;
  if ([...name].length > NAME_MAX_LENGTH) return `姓名请控制在 ${NAME_MAX_LENGTH} 个字以内`;
  return null;
}
