import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { CASE_EVENT_SCHEMAS } from '../schemas/staff-cases';
import { ReportBody, RequestBody } from '../schemas/submissions';
import { schemaFieldErrors } from './check';
import { typeboxFields } from './messages';

const request = {
  requestId: '4f1c2b7e-8a9d-4c3e-9b2a-1d2e3f4a5b6c',
  entryCode: 'ABCDEFGHJK',
  answers: HARDSHIP_ANSWERS,
  person: { name: '王秀英', phone: '13812345678', address: '渎浦村 8 号' },
  consent: true,
};
const report = {
  requestId: request.requestId,
  entryCode: request.entryCode,
  person: { name: '王秀英', address: '渎浦村 8 号', situation: ['living_alone_elderly'] },
  reporter: { relation: 'neighbour' },
  consentConfirmed: true,
};

/** The server's compiled TypeBox validator, with the same message mapping: what the slim checker must match. */
const server = (schema: TSchema, value: unknown) => {
  const validator = Compile(schema);
  return validator.Check(value) ? {} : typeboxFields(validator.Errors(value), schema);
};

describe('schemaFieldErrors (the phone forms check against the server schemas)', () => {
  const requests: Array<[string, unknown]> = [
    ['a valid request', request],
    ['an address that is too long', { ...request, person: { ...request.person, address: '长'.repeat(121) } }],
    ['a long note and no consent', { ...request, note: '说'.repeat(501), consent: false }],
    ['missing name, an unknown field', { ...request, person: { phone: '13812345678', extra: 1 } }],
    ['an unknown contact time', { ...request, person: { ...request.person, contactTime: 'midnight' } }],
    ['a bad request id', { ...request, requestId: 'nope' }],
    ['answers that contradict themselves', { ...request, answers: { ...HARDSHIP_ANSWERS, special_members: ['none', 'elderly'] } }],
  ];
  it.each(requests)('request body: %s', (_, body) => {
    expect(schemaFieldErrors(RequestBody, body)).toEqual(server(RequestBody, body));
  });

  const reports: Array<[string, unknown]> = [
    ['a valid report', report],
    ['a one-character address, no situation', { ...report, person: { ...report.person, address: '村', situation: [] } }],
    ['a long description, an unknown relation', { ...report, person: { ...report.person, description: '况'.repeat(1001) }, reporter: { relation: 'stranger' } }],
    ['repeated situations, consent missing', { ...report, person: { ...report.person, situation: ['housing', 'housing'] }, consentConfirmed: false }],
  ];
  it.each(reports)('report body: %s', (_, body) => {
    expect(schemaFieldErrors(ReportBody, body)).toEqual(server(ReportBody, body));
  });

  it('names the field and says it in plain Chinese', () => {
    expect(schemaFieldErrors(RequestBody, requests[2]![1])).toEqual({ note: '补充说明请控制在 500 个字以内', consent: '请勾选同意，工作人员才能联系您' });
    expect(schemaFieldErrors(ReportBody, reports[1]![1])).toMatchObject({ 'person.address': expect.stringContaining('住址'), 'person.situation': '请至少选一种困难情况' });
  });

  it('staff steps say which choice is missing', () => {
    expect(schemaFieldErrors(CASE_EVENT_SCHEMAS.level, { type: 'level', level: 'purple', reason: '入户后调整' })).toEqual({ level: '请选择风险等级' });
    expect(schemaFieldErrors(CASE_EVENT_SCHEMAS.assign, { type: 'assign', township: '' })).toEqual({ township: '请选择乡镇（街道）' });
  });

  it.each(Object.entries(CASE_EVENT_SCHEMAS))('staff step %s: an empty body gets the server messages', (_, schema) => {
    const { type } = (schema as { properties: { type: { const: string } } }).properties;
    for (const body of [{ type: type.const }, { type: type.const, reason: 'x', text: 'x', note: 'n'.repeat(2001) }]) {
      expect(schemaFieldErrors(schema, body)).toEqual(server(schema, body));
    }
  });
});
