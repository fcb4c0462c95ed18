import type { StaffRole } from './auth';

export interface NavEntry {
  path: string;
  label: string; // i18n key
  roles: StaffRole[];
}

const ANY: StaffRole[] = ['rule-author', 'rule-approver', 'operator', 'auditor', 'admin'];

/** The pages and who sees them; the staff API refuses the same people anyway. */
export const NAV: NavEntry[] = [
  { path: 'dashboard', label: 'nav.dashboard', roles: ['operator', 'auditor', 'admin'] },
  { path: 'rules', label: 'nav.rules', roles: ANY },
  { path: 'approvals', label: 'nav.approvals', roles: ['rule-approver'] },
  { path: 'channels', label: 'nav.channels', roles: ['operator', 'auditor', 'admin'] },
  { path: 'orders', label: 'nav.orders', roles: ['operator', 'auditor'] },
  { path: 'repair', label: 'nav.repair', roles: ['operator', 'auditor'] },
  { path: 'reconciliation', label: 'nav.reconciliation', roles: ['operator', 'auditor'] },
  { path: 'merchants', label: 'nav.merchants', roles: ['operator', 'auditor', 'admin'] },
  { path: 'instructions', label: 'nav.instructions', roles: ['operator'] },
  { path: 'audit', label: 'nav.audit', roles: ['auditor', 'admin'] },
];

export function hasAnyRole(userRoles: readonly string[], wanted: readonly string[]): boolean {
  return wanted.some((role) => userRoles.includes(role));
}

export function navFor(userRoles: readonly string[]): NavEntry[] {
  return NAV.filter((entry) => hasAnyRole(userRoles, entry.roles));
}

/** The page a user lands on: rule people on the rules, everyone else on the first page they may see. */
export function homeFor(userRoles: readonly string[]): string | null {
  if (hasAnyRole(userRoles, ['rule-author', 'rule-approver'])) return 'rules';
  return navFor(userRoles)[0]?.path ?? null;
}

/** What a user may do, in one place, so buttons follow the same rules as the server. */
export function can(userRoles: readonly string[]) {
  const has = (role: StaffRole) => userRoles.includes(role);
  return {
    editRules: has('rule-author'),
    approveRules: has('rule-approver'),
    testRules: has('rule-author') || has('rule-approver'),
    actOnOrders: has('operator'),
    editChannels: has('admin'),
    creditMerchants: has('admin'),
    runReconciliation: has('operator'),
  };
}
