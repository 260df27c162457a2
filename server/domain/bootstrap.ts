import fs from 'node:fs';
import path from 'node:path';
import demoCounty from '../data/demo-county.json' with { type: 'json' };
import { DEMO_COUNTY_POLICIES } from '../../shared/policies/demo-county-policies';
import type { Store } from '../db/store';
import { generateEntryCode } from './entry-codes';
import { generatePassword, hashPassword } from './passwords';

/**
 * Loads the shipped demo county and one active 幸福码 per township into an empty database.
 * The emptiness check and the load share one transaction; on PostgreSQL two app servers starting together wait
 * for each other (advisory lock), so the county is loaded once.
 */
export async function loadDemoCounty(store: Store): Promise<boolean> {
  return store.transaction(async (tx) => {
    const { repos } = tx;
    await tx.repos.locks.lockKey('bootstrap', 'demo-county');
    if (!(await repos.regions.isEmpty())) return false;
    const county = demoCounty.county;
    await repos.regions.insert({ code: county.code, name: county.name, level: 'county', parent: null, phone: county.phone });
    for (const township of demoCounty.townships) {
      await repos.regions.insert({ code: township.code, name: township.name, level: 'township', parent: county.code, phone: township.phone });
      for (const village of township.villages) {
        await repos.regions.insert({ code: village.code, name: village.name, level: 'village', parent: township.code, phone: null });
      }
      await repos.entries.insert({ code: generateEntryCode(), township: township.code, village: null, label: `${township.name}社会救助服务站` });
    }
    return true;
  });
}

/** The county's policy library lives in the database: the shipped library is copied in once, on the first start. */
export async function seedPolicyLibrary(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.repos.locks.lockKey('bootstrap', 'policy-library');
    await tx.repos.policyLibrary.seed(DEMO_COUNTY_POLICIES);
  });
}

/**
 * Accounts and resources made before any region existed have no county (#16). Once the regions hold exactly one
 * county they are that county's, as migration 063 did for older rows; with several counties they stay without one
 * (such an account is refused until it is made again with --county).
 */
export async function settleCountylessRows(store: Store): Promise<void> {
  const county = await store.repos.regions.onlyCounty();
  if (county === null) return;
  await store.transaction(async (tx) => {
    await tx.repos.users.giveCountyToCountyless(county);
    await tx.repos.resources.giveCountyToCountyless(county);
  });
}

export interface InitialAdmin {
  username: string;
  password: string;
  file: string;
  generated: boolean;
}

const adminExists = async (store: Store) => Boolean((await store.repos.settings.get('initial_admin_created')) || (await store.repos.users.findByUsername('admin')));

/**
 * Creates the county admin on first start only; a random password is written once to a 0600 file.
 * The password is hashed before the transaction (it takes a while); the check is made again inside it, so two
 * servers starting together create one admin.
 */
export async function ensureInitialAdmin(store: Store, dataDir: string, adminPassword?: string): Promise<InitialAdmin | null> {
  if (await adminExists(store)) return null;
  const password = adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const created = await store.transaction(async (tx) => {
    await tx.repos.locks.lockKey('bootstrap', 'initial-admin');
    if (await adminExists(tx)) return false;
    await tx.repos.users.create({ username: 'admin', passwordHash, role: 'county_admin', township: null, mustChangePassword: true });
    await tx.repos.settings.set('initial_admin_created', new Date().toISOString());
    return true;
  });
  if (!created) return null;
  const file = path.join(dataDir, 'initial-admin.txt');
  if (!adminPassword) {
    fs.writeFileSync(file, `用户名: admin\n初始密码: ${password}\n首次登录后请修改密码，并删除本文件。\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  return { username: 'admin', password, file, generated: !adminPassword };
}
