import { describe, expect, it } from 'vitest';
import { can, homeFor, navFor } from './roles';

describe('role-driven navigation', () => {
  it('shows an auditor the read-only pages, channels included, and no rule approvals', () => {
    const pages = navFor(['auditor']).map((n) => n.path);
    expect(pages).toEqual(['dashboard', 'rules', 'channels', 'orders', 'repair', 'reconciliation', 'merchants', 'audit']);
    const allowed = can(['auditor']);
    expect(Object.entries(allowed).filter(([, yes]) => yes)).toEqual([]);
  });

  it('keeps the channel pages from rule people and editing channel terms with admins', () => {
    expect(navFor(['rule-author', 'rule-approver']).map((n) => n.path)).not.toContain('channels');
    expect(navFor(['operator']).map((n) => n.path)).toContain('channels');
    expect(navFor(['admin']).map((n) => n.path)).toContain('channels');
    expect(can(['auditor']).editChannels).toBe(false);
    expect(can(['operator', 'auditor']).editChannels).toBe(false);
  });

  it('lands rule people on the rules and operators on the dashboard', () => {
    expect(homeFor(['rule-author'])).toBe('rules');
    expect(homeFor(['operator'])).toBe('dashboard');
    expect(homeFor([])).toBeNull();
  });

  it('gives approvals only to approvers and edits only to authors', () => {
    expect(navFor(['rule-author']).map((n) => n.path)).not.toContain('approvals');
    expect(navFor(['rule-approver']).map((n) => n.path)).toContain('approvals');
    expect(can(['rule-approver']).editRules).toBe(false);
    expect(can(['rule-author']).editRules).toBe(true);
    expect(can(['admin']).editChannels).toBe(true);
    expect(can(['operator']).editChannels).toBe(false);
  });
});
