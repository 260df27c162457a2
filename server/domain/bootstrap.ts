import fs from 'node:fs';
import path from 'node:path';
import demoCounty from '../data/demo-county.json' with { type: 'json' };
import { DEMO_COUNTY_POLICIES } from '../../shared/policies/demo-county-policies';
import type { DB } from '../db/open';
import type { Repositories } from '../repositories';
import { generateEntryCode } from './entry-codes';
import { generatePassword, hashPassword } from './passwords';

/** Loads the shipped demo county and one active 幸福码 per township into an empty database. */
export function loadDemoCounty(db: DB, repos: Repositories): boolean {
  if (!repos.regions.isEmpty()) return false;
  db.transaction(() => {
    const county = demoCounty.county;
    repos.regions.insert({ code: county.code, name: county.name, level: 'county', parent: null, phone: county.phone });
    for (const township of demoCounty.townships) {
      repos.regions.insert({ code: township.code, name: township.name, level: 'township', parent: county.code, phone: township.phone });
      for (const village of township.villages) {
        repos.regions.insert({ code: village.code, name: village.name, level: 'village', parent: township.code, phone: null });
      }
      repos.entries.insert({ code: generateEntryCode(), township: township.code, village: null, label: `${township.name}社会救助服务站` });
    }
  })();
  return true;
}

/** The county's policy library lives in the database: the shipped library is copied in once, on the first start. */
export function seedPolicyLibrary(repos: Repositories): void {
  repos.policyLibrary.seed(DEMO_COUNTY_POLICIES);
}

export interface InitialAdmin {
  username: string;
  password: string;
  file: string;
  generated: boolean;
}

/** Creates the county admin on first start only; a random password is written once to a 0600 file. */
export async function ensureInitialAdmin(repos: Repositories, dataDir: string, adminPassword?: string): Promise<InitialAdmin | null> {
  if (repos.settings.get('initial_admin_created') || repos.users.findByUsername('admin')) return null;
  const password = adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  repos.users.create({ username: 'admin', passwordHash, role: 'county_admin', township: null, mustChangePassword: true });
  repos.settings.set('initial_admin_created', new Date().toISOString());
  const file = path.join(dataDir, 'initial-admin.txt');
  if (!adminPassword) {
    fs.writeFileSync(file, `用户名: admin\n初始密码: ${password}\n首次登录后请修改密码，并删除本文件。\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  return { username: 'admin', password, file, generated: !adminPassword };
}
