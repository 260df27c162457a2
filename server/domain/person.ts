import { normalizeIdNumber, idNumberError } from '../../shared/identity/id-number';
import { nameError, normalizeName } from '../../shared/identity/name';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../shared/identity/masking';
import { normalizePhone, phoneError } from '../../shared/identity/phone';
import { AppError } from '../app-error';
import type { Vault } from './crypto';

export interface PersonInput {
  name: string;
  phone?: string;
  idNumber?: string;
  address?: string;
}

export interface CleanPerson {
  name: string;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
}

/** Checks ID and phone with the shared rules; every problem is named per field, in Chinese. */
export function cleanPerson(input: PersonInput, asOf: string, prefix = 'person'): CleanPerson {
  const fields: Record<string, string> = {};
  const name = normalizeName(input.name);
  const nameProblem = nameError(input.name);
  if (nameProblem) fields[`${prefix}.name`] = nameProblem;
  const phoneRaw = input.phone?.trim() ?? '';
  const phoneProblem = phoneRaw ? phoneError(phoneRaw) : null;
  if (phoneProblem) fields[`${prefix}.phone`] = phoneProblem;
  const idRaw = input.idNumber?.trim() ?? '';
  const idProblem = idRaw ? idNumberError(idRaw, asOf) : null;
  if (idProblem) fields[`${prefix}.idNumber`] = idProblem;
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 400, undefined, fields);
  return {
    name,
    phone: phoneRaw ? normalizePhone(phoneRaw) : null,
    idNumber: idRaw ? normalizeIdNumber(idRaw) : null,
    address: input.address?.trim() || null,
  };
}

/** Same ID number → same person; without one, same name + phone. Neither → no match is attempted. */
export function personKey(vault: Vault, person: CleanPerson): string | null {
  if (person.idNumber) return vault.blindIndex('id', person.idNumber);
  if (person.phone) return vault.blindIndex('name_phone', `${person.name}\u0000${person.phone}`);
  return null;
}

/**
 * Blind indexes for the same-person hint (可能是同一人): the name alone (matched together with the
 * village) and name + phone. Keyed HMACs, so the database never holds a searchable plaintext name.
 */
export function matchKeys(vault: Vault, person: CleanPerson): { nameKey: string; namePhoneKey: string | null } {
  return {
    nameKey: vault.blindIndex('name', person.name),
    namePhoneKey: person.phone ? vault.blindIndex('name_phone', `${person.name}\u0000${person.phone}`) : null,
  };
}

export function maskedPerson(person: CleanPerson) {
  return {
    nameMasked: maskName(person.name),
    phoneMasked: person.phone ? maskPhone(person.phone) : null,
    idMasked: person.idNumber ? maskIdNumber(person.idNumber) : null,
    addressMasked: person.address ? maskAddress(person.address) : null,
  };
}
