import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data at rest: AES-256-GCM for the values, a keyed HMAC "blind index" for finding the
 * same person again without ever storing an ID number or phone in the clear.
 */
export interface Vault {
  encrypt(value: unknown): Buffer;
  decrypt<T>(blob: Buffer): T;
  blindIndex(kind: string, value: string): string;
}

const KEY_FILE = 'secret.key';
const VERSION = 1;

export interface DataKeys {
  encryption: Buffer;
  index: Buffer;
}

/**
 * Keys come from `DATA_KEY` (base64 of 64 bytes) or a file generated on first start (mode 0600).
 * Without `mayGenerate` a missing key file gives null: a new key must never be made over existing data.
 */
export function loadKeys(dataDir: string, envKey?: string): DataKeys;
export function loadKeys(dataDir: string, envKey: string | undefined, options: { mayGenerate: boolean }): DataKeys | null;
export function loadKeys(dataDir: string, envKey?: string, { mayGenerate = true } = {}): DataKeys | null {
  let material: Buffer;
  if (envKey) {
    material = Buffer.from(envKey, 'base64');
    if (material.length !== 64) throw new Error('DATA_KEY 必须是 64 字节密钥的 base64 编码');
  } else {
    const file = path.join(dataDir, KEY_FILE);
    if (!fs.existsSync(file)) {
      if (!mayGenerate) return null;
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      // wx: two processes starting at once must not both write a key.
      try {
        fs.writeFileSync(file, randomBytes(64).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    material = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }
  return { encryption: material.subarray(0, 32), index: material.subarray(32, 64) };
}

export function createVault(keys: DataKeys): Vault {
  return {
    encrypt(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt<T>(blob: Buffer): T {
      if (blob[0] !== VERSION) throw new Error('unknown ciphertext version');
      const decipher = createDecipheriv('aes-256-gcm', keys.encryption, blob.subarray(1, 13));
      decipher.setAuthTag(blob.subarray(13, 29));
      const plain = Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as T;
    },
    blindIndex(kind, value) {
      return createHmac('sha256', keys.index).update(`${kind}\u0000${value}`).digest('base64url');
    },
  };
}
