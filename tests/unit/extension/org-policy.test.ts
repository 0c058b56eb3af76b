import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { goOnWithoutLatePolicy, readOrgPolicy } from '../../../lib/extension/org-policy';

// Right after a browser start Chrome's managed storage answers seconds late; the background's analysis must not wait.
describe('reading the organisation policy when managed storage is late', () => {
  afterEach(() => {
    goOnWithoutLatePolicy(0);
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  /** Managed storage that answers `policy` only when `answer()` is called. */
  function lateManaged(policy: Record<string, unknown>) {
    let answer!: () => void;
    const answered = new Promise<void>((r) => (answer = r));
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation((async () => {
      await answered;
      return policy;
    }) as typeof fakeBrowser.storage.managed.get);
    return { answer, get };
  }

  it('waits as long as it takes by default (the options page and popup show the policy)', async () => {
    const { answer } = lateManaged({ lockedRules: ['invalidating/calm-down'] });
    let done = false;
    const read = readOrgPolicy().then((p) => ((done = true), p));
    await new Promise((r) => setTimeout(r, 60));
    expect(done).toBe(false);
    answer();
    expect(await read).toEqual({ lockedRules: ['invalidating/calm-down'] });
  });

  it('with a patience set, goes on with the policy last read (none here), and uses the late one once it has arrived', async () => {
    expect(await readOrgPolicy()).toEqual({}); // the last read: no policy
    goOnWithoutLatePolicy(20);
    const { answer, get } = lateManaged({ lockedRules: ['invalidating/calm-down'] });
    const t0 = performance.now();
    expect(await readOrgPolicy()).toEqual({});
    expect(performance.now() - t0).toBeLessThan(500);
    expect(await readOrgPolicy()).toEqual({}); // still late: the one read in flight is shared, not repeated
    expect(get).toHaveBeenCalledTimes(1);
    answer();
    await new Promise((r) => setTimeout(r, 0));
    expect(await readOrgPolicy()).toEqual({ lockedRules: ['invalidating/calm-down'] });
  });

  it('waits out the patience once per late read, not once per caller (an analysis reads the policy three times)', async () => {
    expect(await readOrgPolicy()).toEqual({}); // the last read: no policy
    goOnWithoutLatePolicy(80);
    const { answer, get } = lateManaged({ lockedRules: ['invalidating/calm-down'] });
    const t0 = performance.now();
    expect(await readOrgPolicy()).toEqual({});
    const first = performance.now() - t0;
    expect(first).toBeGreaterThanOrEqual(75);
    const t1 = performance.now();
    expect(await readOrgPolicy()).toEqual({});
    expect(await readOrgPolicy()).toEqual({});
    // Both later reads return at once with the last known policy (they don't wait another 80 ms each).
    expect(performance.now() - t1).toBeLessThan(40);
    expect(get).toHaveBeenCalledTimes(1);
    answer();
    await new Promise((r) => setTimeout(r, 0));
    expect(await readOrgPolicy()).toEqual({ lockedRules: ['invalidating/calm-down'] });
    // A new read after the answer is fresh again, with its own patience.
    expect(get).toHaveBeenCalledTimes(2);
  });
});
