import type { FastifySchemaValidationError } from 'fastify/types/schema';

/**
 * Ajv reports errors in English and per keyword; residents need one plain Chinese sentence per field.
 * A schema can say it better itself with `x-error` (kept because Ajv runs in verbose mode).
 */
export function validationFields(errors: FastifySchemaValidationError[], context?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const params = error.params as Record<string, unknown>;
    let field = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      field = field ? `${field}.${params.missingProperty}` : params.missingProperty;
    }
    if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      field = field ? `${field}.${params.additionalProperty}` : params.additionalProperty;
    }
    const key = field || context || 'body';
    if (fields[key]) continue;
    const custom = (error as { parentSchema?: Record<string, unknown> }).parentSchema?.['x-error'];
    fields[key] = typeof custom === 'string' && error.keyword !== 'required' && error.keyword !== 'additionalProperties'
      ? custom
      : messageFor(error.keyword, params);
  }
  return fields;
}

function messageFor(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'required':
      return '这一项必须填写';
    case 'additionalProperties':
      return '多了不认识的内容，请不要提交这一项';
    case 'type':
      return '填写的格式不对';
    case 'minLength':
      return params.limit === 1 ? '这一项不能为空' : `至少要填 ${String(params.limit)} 个字`;
    case 'maxLength':
      return `最多只能填 ${String(params.limit)} 个字`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `不能小于 ${String(params.limit)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `不能大于 ${String(params.limit)}`;
    case 'minItems':
      return `至少要选 ${String(params.limit)} 项`;
    case 'maxItems':
      return `最多只能选 ${String(params.limit)} 项`;
    case 'enum':
    case 'const':
      return '请从给出的选项中选择';
    case 'pattern':
    case 'format':
      return '填写的格式不对，请检查';
    default:
      return '填写的内容有误，请检查';
  }
}
