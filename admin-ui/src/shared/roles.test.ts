import { describe, expect, it } from 'vitest';
import { can, homeFor, navFor } from './roles';

describe('role-driven navigation', () => {
  it('shows an auditor the read-only pages and no rule approvals or channels', () => {
    const pages = navFor(['auditor']).map((n) => n.path);
    expect(pages).toEqual(['dashboard', 'rules', 'orders', 'repair', 'reconciliation', 'merchants', 'audit']);
    const allowed = can(['auditor']);
    expect(allowed.editRules || allowed.approveRules || allowed.actOnOrders || allowed.editChannels).toBe(false);
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
