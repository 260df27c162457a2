import { typeboxFields, type TypeboxError } from './messages';

type Schema = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const typeOk = (type: unknown, value: unknown): boolean => {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      return true;
  }
};

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * A slim JSON Schema checker for the keywords our TypeBox schemas use, so the phone's forms check against
 * the very schemas the server validates with, without shipping a validator (TypeBox's Value.Errors is
 * several times larger). Unknown keywords pass: the server still has the last word.
 */
function walk(schema: Schema, value: unknown, at: string, path: string, out: TypeboxError[]): void {
  const fail = (keyword: string, params: Record<string, unknown> = {}): void => {
    out.push({ keyword, schemaPath: `${path}/${keyword}`, instancePath: at, params });
  };
  if (schema.type !== undefined && !typeOk(schema.type, value)) return fail('type');
  if ('const' in schema && !same(schema.const, value)) return fail('const');
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => same(v, value))) return fail('enum');
  // A union no member of which fits errs as its first member does (as TypeBox reports it).
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((member) => errorsOf(member as Schema, value).length === 0)) {
    return walk(schema.anyOf[0] as Schema, value, at, `${path}/anyOf/0`, out);
  }
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((member, i) => walk(member as Schema, value, at, `${path}/allOf/${i}`, out));
  if (schema.not && errorsOf(schema.not as Schema, value).length === 0) fail('not');
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) fail('minLength', { limit: schema.minLength });
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail('maxLength', { limit: schema.maxLength });
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail('pattern');
    if (schema.format === 'uuid' && !UUID.test(value)) fail('format');
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('minimum', { limit: schema.minimum });
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('maximum', { limit: schema.maximum });
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('minItems', { limit: schema.minItems });
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('maxItems', { limit: schema.maxItems });
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) fail('uniqueItems');
    if (schema.contains && !value.some((v) => errorsOf(schema.contains as Schema, v).length === 0)) fail('contains');
    if (schema.items) value.forEach((item, i) => walk(schema.items as Schema, item, `${at}/${i}`, `${path}/items`, out));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const missing = ((schema.required ?? []) as string[]).filter((name) => object[name] === undefined);
    if (missing.length) fail('required', { requiredProperties: missing });
    const extra = schema.additionalProperties === false ? Object.keys(object).filter((name) => !(name in properties)) : [];
    if (extra.length) fail('additionalProperties', { additionalProperties: extra });
    for (const [name, property] of Object.entries(properties)) {
      if (object[name] !== undefined) walk(property, object[name], `${at}/${name}`, `${path}/properties/${name}`, out);
    }
  }
}

function errorsOf(schema: Schema, value: unknown): TypeboxError[] {
  const out: TypeboxError[] = [];
  walk(schema, value, '', '#', out);
  return out;
}

/** Per-field Chinese messages ("person.address" → "地址请控制在 120 个字以内"), the same the server would send. */
export function schemaFieldErrors(schema: unknown, value: unknown): Record<string, string> {
  return typeboxFields(errorsOf(schema as Schema, value), schema);
}

/** A field's `maxLength` in the schema ("person.address" → 120), for the input's own limit. */
export function maxLengthOf(schema: unknown, field: string): number | undefined {
  let node = schema as Schema | undefined;
  for (const name of field.split('.')) node = (node?.properties as Record<string, Schema> | undefined)?.[name];
  return typeof node?.maxLength === 'number' ? node.maxLength : undefined;
}
