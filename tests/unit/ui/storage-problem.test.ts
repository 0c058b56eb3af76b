import { describe, expect, it } from 'vitest';
import { storageProblem } from '../../../lib/ui/storageProblem';

describe('storageProblem', () => {
  it('names a full quota as full storage, not a bad file', () => {
    const msg = storageProblem('the pack', new Error('QUOTA_BYTES quota exceeded'));
    expect(msg).toMatch(/^Could not save the pack: the browser's storage for Attune is full/);
    expect(msg).not.toMatch(/read/);
  });
  it('passes other errors through', () => {
    expect(storageProblem('the settings', new Error('boom'))).toBe('Could not save the settings: boom. Nothing changed.');
  });
});
