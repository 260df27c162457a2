import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckChar, idNumberError } from './id-number';
import { maskAddress, maskFreeText, maskIdNumber, maskName, maskPhone } from './masking';
import { NAME_HIDDEN_CHARACTER_MESSAGE, nameError, normalizeName } from './name';
import { normalizePhone, phoneError } from './phone';

const AS_OF = '2026-11-22';
// Valid numbers built with the GB 11643 check character, not copied from real people.
const valid = (first17: string) => first17 + idNumberCheckChar(first17);

describe('ID numbers (GB 11643)', () => {
  it.each([
    [valid('33032719560307123'), null],
    [valid('33032720100101002'), null],
    [valid('33032719560307123').toLowerCase(), null],
    ['3303271956030712', 'length'],
    ['33032719560307123A', 'characters'],
    [valid('33032719561301123'), 'birth_date'],
    [valid('33032719560230123'), 'birth_date'],
    [valid('33032730000101123'), 'birth_date'],
    [valid('33032718890101123'), 'birth_date'],
  ])('%s → %s', (id, problem) => {
    expect(checkIdNumber(id, AS_OF)).toBe(problem);
  });

  it('catches one wrong digit through the check character', () => {
    const id = valid('33032719560307123');
    const wrong = id.slice(0, 5) + ((Number(id[5]) + 1) % 10) + id.slice(6);
    expect(checkIdNumber(wrong, AS_OF)).toBe('check_digit');
    expect(idNumberError(wrong, AS_OF)).toMatch(/核对/);
  });

  it('treats a birth date after asOf as impossible', () => {
    expect(checkIdNumber(valid('33032720261123123'), AS_OF)).toBe('birth_date');
    expect(checkIdNumber(valid('33032720261122123'), AS_OF)).toBeNull();
  });
});

describe('phones', () => {
  it.each([
    ['13812345678', null],
    ['138 1234 5678', null],
    ['+86 138-1234-5678', null],
    ['0577-64761234', null],
    ['010-62345678', null],
    ['1381234567', '请输入 11 位手机号码'],
    ['12812345678', '请输入 11 位手机号码'],
    ['64761234', '请输入 11 位手机号码，或带区号的固定电话'],
    ['0577-123', '固定电话请带上区号，例如 0577-64761234'],
    ['', '请填写电话号码'],
  ])('%j → %j', (phone, error) => {
    expect(phoneError(phone)).toBe(error);
  });

  it('normalizes separators and the country code', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('(0577) 6476 1234')).toBe('057764761234');
  });
});

describe('masking', () => {
  it.each([
    [maskName('张三明'), '张*明'],
    [maskName('张三'), '张*'],
    [maskName('欧阳小明'), '欧**明'],
    [maskName('张'), '张'],
    [maskIdNumber('330327195603071234'), '3303**********1234'],
    [maskPhone('13812345678'), '138****5678'],
    [maskPhone('057764761234'), '********1234'],
    [maskAddress('灵溪镇渎浦村三组 18 号'), '灵溪镇渎浦村****'],
  ])('%s = %s', (masked, expected) => {
    expect(masked).toBe(expected);
  });
});

describe('names', () => {
  it.each([
    ['王秀英', null],
    ['  ', '请填写姓名'],
    ['阿卜杜热合曼·买买提'.repeat(4), '姓名请控制在 30 个字以内'],
    ['阿卜杜热合曼·买买提', null],
    ['王\u0000秀英', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['王\n秀英', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['王\u200B秀英', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['王\u200D秀英', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['王\uFEFF秀英', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['\u202E英秀王', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['王\u2067秀英\u2069', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['王\uD800秀英', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['王秀\uDC00', NAME_HIDDEN_CHARACTER_MESSAGE],
    ['𠀀王', null],
  ])('%j → %j', (name, error) => {
    expect(nameError(name)).toBe(error);
  });

  it('normalises to NFC, trims and keeps single spaces', () => {
    const decomposed = 'Zoe\u0301 Li'; // e + combining acute
    expect(normalizeName(`  ${decomposed}  `)).toBe('Zoé Li');
    expect(normalizeName('Zoé   Li')).toBe('Zoé Li');
  });
});

describe('free text', () => {
  it.each([
    ['身份证 330327195803071234，电话 13957712345。', '身份证 3303**********1234，电话 139****2345。'],
    ['号码是33032719580307123X', '号码是3303**********123X'],
    ['手机 139 5771 2345 或 139-5771-2345', '手机 139****2345 或 139****2345'],
    ['+86 13957712345', '139****2345'],
    ['座机 0577-64761234', '座机 ********1234'],
    ['老身份证 330327580307123', '老身份证 3303*******7123'],
    ['家里 3 口人，月收入 1500 元，2025 年 6 月起', '家里 3 口人，月收入 1500 元，2025 年 6 月起'],
    ['银行卡 6222021234567890123', '银行卡 6222021234567890123'],
  ])('%j → %j', (text, masked) => {
    expect(maskFreeText(text)).toBe(masked);
  });
});
