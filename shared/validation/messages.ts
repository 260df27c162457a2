/** An Ajv error as Fastify hands it over (verbose mode keeps `parentSchema`). */
export interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown> | object;
  parentSchema?: Record<string, unknown>;
}

/**
 * The one mapping from schema errors to plain Chinese, per field, for the server (Ajv, TypeBox) and the
 * phone's forms (shared/validation/check.ts). Ajv reports errors in English and per keyword; residents need one plain Chinese sentence per field.
 * A schema can say it better itself with `x-error` (kept because Ajv runs in verbose mode).
 */
export function validationFields(errors: readonly AjvError[], context?: string): Record<string, string> {
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

export interface TypeboxError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function schemaAt(root: unknown, pointer: string): Record<string, unknown> | undefined {
  let node = root as Record<string, unknown> | undefined;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = node?.[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown> | undefined;
  }
  return node;
}

/** The nearest `x-error` above the failing keyword, without leaving the field (a union's member errs for the union). */
function customMessage(schema: unknown, schemaPath: string): string | undefined {
  const parts = schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean);
  for (let end = parts.length; end >= 0; end--) {
    const message = schemaAt(schema, `#/${parts.slice(0, end).join('/')}`)?.['x-error'];
    if (typeof message === 'string') return message;
    // A property's own schema is the top of its field: the parent object's message is not about it.
    if (parts[end - 2] === 'properties') break;
  }
  return undefined;
}

/** The same per-field Chinese messages for errors from a TypeBox compiled validator. */
export function typeboxFields(errors: Iterable<TypeboxError>, schema: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const base = (path: string) => path.replace(/^\//, '').replaceAll('/', '.');
  const put = (key: string, message: string) => {
    if (key && !fields[key]) fields[key] = message;
  };
  for (const error of errors) {
    const at = base(error.instancePath);
    if (error.keyword === 'required') {
      for (const name of (error.params.requiredProperties as string[] | undefined) ?? []) put(at ? `${at}.${name}` : name, messageFor('required', {}));
    } else if (error.keyword === 'additionalProperties') {
      for (const name of (error.params.additionalProperties as string[] | undefined) ?? []) put(at ? `${at}.${name}` : name, messageFor('additionalProperties', {}));
    } else if (error.keyword !== 'boolean') {
      const custom = customMessage(schema, error.schemaPath);
      put(at || 'body', custom ?? messageFor(error.keyword, error.params));
    }
  }
  return fields;
}
