import type { KeyCheckRepository } from '../repositories/key-check';
import { createVault, loadKeys, type DataKeys, type Vault } from './crypto';

/**
 * A key check value: a known text encrypted under the data key, plus its blind index, kept in the
 * database. It tells at start (and before a restore) whether the key at hand is the one the data was
 * encrypted with — a wrong key would otherwise start a healthy-looking server that fails on every
 * reveal and encrypts new data under a second key.
 */
const KNOWN_TEXT = 'xingfuma-key-check-v1';

export class KeyMismatchError extends Error {
  /** The CLI prints the message alone, without a stack. */
  readonly cli = true;
}

export const KEY_MESSAGES = {
  mismatch:
    '数据库里的个人信息是用另一把密钥加密的，现在的密钥（DATA_KEY 或数据目录里的 secret.key）打不开它们。' +
    '请换回当初的密钥（备份时一起保存的 secret.key）再启动。不要删除数据库。',
  missing:
    '数据库里已有加密的个人信息，但找不到密钥。请把原来的 secret.key 放回数据目录，或设置 DATA_KEY。' +
    '为了不让新数据用另一把密钥加密，系统不会自动生成新密钥。',
  backupMismatch: '这个备份是用另一把密钥加密的，和现在的密钥（secret.key 或 DATA_KEY）对不上，没有恢复。请先放好备份时保存的密钥再恢复。',
  backupNoKey: '这个备份里有加密的个人信息，但数据目录里没有密钥。请先把备份时保存的 secret.key 放进数据目录（或设置 DATA_KEY），再恢复。',
} as const;

export function keyCheckValue(vault: Vault): string {
  return JSON.stringify({ c: vault.encrypt(KNOWN_TEXT).toString('base64'), i: vault.blindIndex('key-check', KNOWN_TEXT) });
}

function opens(vault: Vault, blob: Buffer): boolean {
  try {
    vault.decrypt(blob);
    return true;
  } catch {
    return false;
  }
}

export async function holdsEncryptedData(repo: KeyCheckRepository): Promise<boolean> {
  return (await repo.stored()) !== undefined || (await repo.sampleCiphertext()) !== undefined;
}

/** true: the key fits; false: it does not; 'unknown': nothing encrypted to check against yet. */
export async function keyFits(repo: KeyCheckRepository, vault: Vault): Promise<boolean | 'unknown'> {
  const stored = await repo.stored();
  if (stored) {
    try {
      const { c, i } = JSON.parse(stored) as { c: string; i: string };
      return vault.decrypt<string>(Buffer.from(c, 'base64')) === KNOWN_TEXT && vault.blindIndex('key-check', KNOWN_TEXT) === i;
    } catch {
      return false;
    }
  }
  // Data from before key check values: the key fits if it opens what is there.
  const sample = await repo.sampleCiphertext();
  return sample ? opens(vault, sample) : 'unknown';
}

/**
 * The vault for a database: refuses a key that does not fit the data, never generates a key over
 * existing encrypted data, and records the key check value the first time.
 */
export async function openVault(repo: KeyCheckRepository, dataDir: string, envKey?: string): Promise<Vault> {
  return createVault(await openKeys(repo, dataDir, envKey));
}

/** The keys that fit the data already stored (see openVault), for a connection that builds its own vault. */
export async function openKeys(repo: KeyCheckRepository, dataDir: string, envKey?: string): Promise<DataKeys> {
  const hasData = await holdsEncryptedData(repo);
  const keys = loadKeys(dataDir, envKey, { mayGenerate: !hasData });
  if (!keys) throw new KeyMismatchError(KEY_MESSAGES.missing);
  const vault = createVault(keys);
  const fits = await keyFits(repo, vault);
  if (fits === false) throw new KeyMismatchError(KEY_MESSAGES.mismatch);
  if (!(await repo.stored())) await repo.store(keyCheckValue(vault));
  return keys;
}
