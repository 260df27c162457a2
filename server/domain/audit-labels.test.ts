import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABEL } from '../../shared/audit/actions';

/** The audit log shows Chinese labels: an action recorded without one would show up as a bare code. */
describe('audit action labels', () => {
  it('every literal action the server records has a label', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const found = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(/action: '([a-z_.]+)'/g)) found.add(m[1]!);
      for (const m of text.matchAll(/audit\([^,]+, (?:[^,]+, )?'([a-z_.]+)'/g)) found.add(m[1]!);
    }
    expect(found.size).toBeGreaterThan(10);
    expect([...found].filter((action) => !AUDIT_ACTION_LABEL[action])).toEqual([]);
  });
});
