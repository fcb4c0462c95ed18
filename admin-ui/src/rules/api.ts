import { useQuery } from '@tanstack/react-query';
import { api, post } from '../shared/api';

export const RULE_SETS = ['routing', 'fallback', 'repair'] as const;
export type RuleSetName = (typeof RULE_SETS)[number];

export interface RuleSetSummary {
  name: string;
  activeVersion: number | null;
  updatedAt: string | null;
}

export interface RuleVersion {
  name: string;
  version: number;
  status: 'DRAFT' | 'SUBMITTED' | 'ACTIVE' | 'RETIRED' | 'REJECTED';
  drl: string;
  author: string;
  comment: string | null;
  createdAt: string;
  approvedBy: string | null;
  activatedAt: string | null;
  baseVersion?: number | null;
}

export interface DrlError {
  line: number;
  column: number;
  message: string;
}

export interface Validation {
  valid: boolean;
  errors: DrlError[];
}

export interface SimulationResult {
  decision: Record<string, unknown> | null;
  firedRules: string[];
  version: number | null;
}

export interface Backtest {
  orders: number;
  changed: number;
  channelShare: { before: Record<string, number>; after: Record<string, number> };
  expectedSuccess: { before: number | null; after: number | null };
  expectedCost: { before: number | null; after: number | null };
}

/** Facts of a real order as the rules would see them now (GET /admin/api/rulesets/{name}/facts). */
export interface DecisionFacts {
  order?: Record<string, unknown>;
  channels?: Record<string, unknown>[];
  failure?: Record<string, unknown> | null;
  anomaly?: Record<string, unknown> | null;
}

export const ruleKeys = {
  all: ['rulesets'] as const,
  versions: (name: string) => ['rulesets', name, 'versions'] as const,
  version: (name: string, version: number) => ['rulesets', name, 'versions', version] as const,
};

export function useRuleSets() {
  return useQuery({ queryKey: ruleKeys.all, queryFn: () => api<RuleSetSummary[]>('/rulesets') });
}

export function useVersions(name: string) {
  return useQuery({
    queryKey: ruleKeys.versions(name),
    queryFn: () => api<RuleVersion[]>(`/rulesets/${name}/versions`),
  });
}

export function useVersion(name: string, version: number | null | undefined) {
  return useQuery({
    queryKey: ruleKeys.version(name, version ?? 0),
    queryFn: () => api<RuleVersion>(`/rulesets/${name}/versions/${version}`),
    enabled: version !== null && version !== undefined && version > 0,
  });
}

export const rulesApi = {
  validate: (name: string, drl: string) => post<Validation>(`/rulesets/${name}/validate`, { drl }),
  createDraft: (name: string, drl: string, comment: string, baseVersion: number | null) =>
    post<RuleVersion>(`/rulesets/${name}/versions`, { drl, comment, baseVersion: baseVersion ?? undefined }),
  submit: (name: string, version: number) => post<RuleVersion>(`/rulesets/${name}/versions/${version}/submit`),
  approve: (name: string, version: number) => post<RuleVersion>(`/rulesets/${name}/versions/${version}/approve`),
  reject: (name: string, version: number, comment: string) =>
    post<RuleVersion>(`/rulesets/${name}/versions/${version}/reject`, { comment }),
  rollback: (name: string, toVersion: number) => post<RuleVersion>(`/rulesets/${name}/rollback`, { toVersion }),
  simulate: (name: string, body: Record<string, unknown>) => post<SimulationResult>(`/rulesets/${name}/simulate`, body),
  backtest: (name: string, body: { drl?: string; version?: number; orders?: number }) =>
    post<Backtest>(`/rulesets/${name}/backtest`, body),
  facts: (name: string, orderId?: string) =>
    api<DecisionFacts>(`/rulesets/${name}/facts`, { query: { orderId } }),
};

/** The live version of a rule set in a list of its versions. */
export function liveOf(versions: RuleVersion[]): RuleVersion | undefined {
  return versions.find((v) => v.status === 'ACTIVE');
}

/** A submission whose base is no longer the live version would replace changes it has not seen. */
export function isStale(version: Pick<RuleVersion, 'baseVersion'>, live: number | null | undefined): boolean {
  return version.baseVersion !== undefined && version.baseVersion !== null && live !== null && live !== undefined
    && version.baseVersion !== live;
}
