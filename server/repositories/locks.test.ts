import { describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { createLocks } from './locks';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe.each(ENGINES)('locks on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);

    it('makes a second transaction on the same key wait until the first has finished', async () => {
      const order: string[] = [];
      const locked = gate();
      const release = gate();
      const first = db()
        .transaction()
        .execute(async (trx) => {
          await createLocks(trx).lockKey('case', 1);
          locked.open();
          await release.opened;
          order.push('first done');
        });
      await locked.opened;
      const second = db()
        .transaction()
        .execute(async (trx) => {
          await createLocks(trx).lockKey('case', 1);
          order.push('second locked');
        });
      await sleep(100);
      order.push('released');
      release.open();
      await Promise.all([first, second]);
      expect(order).toEqual(['released', 'first done', 'second locked']);
    });

    it('refuses a lock outside a transaction, where PostgreSQL would let it go at once', async () => {
      await expect(createLocks(db()).lockKey('case', 4)).rejects.toThrow('locks hold only inside a transaction');
    });

    it.skipIf(engine !== 'postgres')('lets transactions on different keys run side by side', async () => {
      const locked = gate();
      const release = gate();
      const first = db()
        .transaction()
        .execute(async (trx) => {
          await createLocks(trx).lockKey('case', 2);
          locked.open();
          await release.opened;
        });
      await locked.opened;
      let secondLocked = false;
      await db()
        .transaction()
        .execute(async (trx) => {
          await createLocks(trx).lockKey('case', 3);
          await createLocks(trx).lockKey('person', 2);
          secondLocked = true;
        });
      release.open();
      await first;
      expect(secondLocked).toBe(true);
    });
  });
});
