import { api, post } from '../shared/api';

/** An order as staff see it (StaffOrderView): the order body of CONTRACT §1 plus merchant and last channel. */
export interface Order {
  orderId: string; merchantOrderId: string; phone: string; carrier: string; province: string | null; country: string;
  faceValue: number; price: number; status: string; createdAt: string; updatedAt: string; finishedAt: string | null;
  failureCode: string | null; merchant?: string | null; channel?: string | null;
}

/** One attempt of an order at a channel (AttemptView). */
export interface Attempt {
  attemptId: string; attemptNo: number; channel: string; status: string; channelReference: string | null;
  errorClass: string | null; errorCode: string | null; cost: number; ruleVersion: number | null; firedRules: string[] | null;
  fallbackAction: string | null; fallbackRuleVersion: number | null; fallbackFiredRules: string[] | null;
  probe: boolean; queries: number; startedAt: string; finishedAt: string | null; latencyMillis: number | null;
  /** What the routing decision predicted for this channel and for the best other one it ranked (null before predictions). */
  predictedSuccess?: number | null; bestAlternative?: string | null; bestAlternativePredicted?: number | null;
}

export const TIMELINE_KINDS = ['ACCEPTED', 'ATTEMPT', 'CALLBACK', 'QUERY', 'CHANNEL_RESULT', 'FALLBACK', 'ANOMALY', 'REPAIR',
  'OPERATOR_ACTION', 'FINISHED', 'LEDGER', 'NOTIFICATION'] as const;

export interface TimelineEntry {
  at: string; kind: string; actor: string | null; summary: string; details?: Record<string, unknown> | null;
}

export interface OrderExplained {
  order: Order;
  attempts: Attempt[];
  timeline: TimelineEntry[];
}

export interface OrderPage {
  items: Order[];
  nextCursor: string | null;
}

/** An operator action (ActionView); kind is the enum name (RETRY, REFUND, MARK_SUCCEEDED, RESEND_NOTIFY). */
export interface OperatorAction {
  id: string; kind: string; orderId: string; status: 'DONE' | 'AWAITING_SECOND_OPERATOR' | 'REJECTED' | 'SUPERSEDED' | string;
  requestedBy: string; reason: string | null; amount: number; channelReference: string | null;
  excludeChannels: string[] | null; decidedBy: string | null; decisionReason: string | null; createdAt: string;
  decidedAt: string | null; outcome: string | null;
}

export interface ActionAnswer {
  order: Order;
  action: OperatorAction;
}

export const ACTIONS = ['retry', 'refund', 'mark-succeeded', 'resend-notify'] as const;
export type ActionKind = (typeof ACTIONS)[number];

/** Where each action applies (repair/action/ActionKind); the server checks again and answers 409 otherwise. */
const APPLIES_TO: Record<ActionKind, string[]> = {
  retry: ['REVIEW'],
  refund: ['REVIEW'],
  'mark-succeeded': ['REVIEW'],
  'resend-notify': ['SUCCEEDED', 'FAILED'],
};

export function actionsFor(status: string): ActionKind[] {
  return ACTIONS.filter((a) => APPLIES_TO[a].includes(status));
}

/** The path segment of an action kind as the API names it in ActionView ("MARK_SUCCEEDED" → "mark-succeeded"). */
export function actionPath(kind: string): string {
  return kind.toLowerCase().replaceAll('_', '-');
}

export interface ActionBody {
  reason: string;
  actionId: string;
  channelReference?: string;
  excludeChannels?: string[];
}

/** The request body of an action: only the fields that action takes, trimmed. */
export function actionBody(action: ActionKind, reason: string, actionId: string,
  extra: { channelReference?: string; excludeChannels?: string[] } = {}): ActionBody {
  const body: ActionBody = { reason: reason.trim(), actionId };
  if (action === 'mark-succeeded') body.channelReference = (extra.channelReference ?? '').trim();
  if (action === 'retry' && extra.excludeChannels && extra.excludeChannels.length > 0) body.excludeChannels = extra.excludeChannels;
  return body;
}

export const ordersApi = {
  search: (query: Record<string, string | undefined>) => api<OrderPage>('/orders', { query }),
  one: (orderId: string) => api<OrderExplained>(`/orders/${encodeURIComponent(orderId)}`),
  act: (orderId: string, action: ActionKind, body: ActionBody) =>
    post<ActionAnswer>(`/orders/${encodeURIComponent(orderId)}/actions/${action}`, body),
  awaiting: (orderId?: string) => api<OperatorAction[]>('/actions', { query: { status: 'AWAITING_SECOND_OPERATOR', orderId } }),
  confirm: (actionId: string) => api<ActionAnswer>(`/actions/${encodeURIComponent(actionId)}/confirm`, { method: 'POST' }),
  reject: (actionId: string, reason: string) => post<ActionAnswer>(`/actions/${encodeURIComponent(actionId)}/reject`, { reason }),
};

/** A new id per request, so a repeated click or a retried call is one action (the API answers it once). */
export function newActionId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `a-${Date.now()}-${Math.random()}`;
}
