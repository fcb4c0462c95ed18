/**
 * What rules can see and do, per rule set, with the meanings of the rule authoring guide (docs/rules.md).
 * The editor lists it beside the text, highlights its names and offers them for completion.
 */
export interface Term {
  name: string;
  /** what is inserted on completion, when it differs from the name */
  insert?: string;
  type?: string;
  zh: string;
  en: string;
}

export interface TermGroup {
  name: string;
  kind: 'fact' | 'global';
  zh: string;
  en: string;
  members: Term[];
}

const ORDER_FACT: TermGroup = {
  name: 'OrderFact',
  kind: 'fact',
  zh: '待决定的订单',
  en: 'The order being decided',
  members: [
    { name: 'orderId', type: 'String', zh: '平台订单号', en: "the platform's order id" },
    { name: 'merchant', type: 'String', zh: '商户代码，如 demo-merchant', en: 'merchant code, e.g. demo-merchant' },
    { name: 'merchantTier', type: 'String', zh: '商户等级，如 STANDARD', en: "the merchant's tier, e.g. STANDARD" },
    { name: 'carrier', type: 'String', zh: '运营商：CHINA_MOBILE、CHINA_UNICOM、CHINA_TELECOM、CHINA_BROADNET', en: 'CHINA_MOBILE, CHINA_UNICOM, CHINA_TELECOM, CHINA_BROADNET' },
    { name: 'province', type: 'String', zh: '省份（不带“省”字，如 广东），可能为空', en: 'province in Chinese without suffix (广东); may be null' },
    { name: 'city', type: 'String', zh: '城市（如 广州），可能为空', en: 'city in Chinese (广州); may be null' },
    { name: 'faceValue', type: 'long', zh: '面值，单位分', en: 'face value in fen (1 CNY = 100 fen)' },
    { name: 'price', type: 'long', zh: '商户支付价格，单位分', en: 'what the merchant pays, in fen' },
    { name: 'attempt', type: 'int', zh: '第几次尝试：第一个渠道为 1，第二个为 2……', en: '1 for the first channel tried, 2 for the second …' },
    { name: 'ageMillis', type: 'long', zh: '订单受理至今的毫秒数', en: 'milliseconds since the order was accepted' },
  ],
};

const CHANNEL_FACT: TermGroup = {
  name: 'ChannelFact',
  kind: 'fact',
  zh: '可用的供货渠道（每个渠道一个）',
  en: 'A supplier channel (one per channel)',
  members: [
    { name: 'code', type: 'String', zh: '渠道代码', en: 'channel code' },
    { name: 'carriers', type: 'Set', zh: '支持的运营商', en: 'carriers it serves' },
    { name: 'provinces', type: 'Set', zh: '支持的省份；为空表示全部', en: 'provinces it serves; empty means all' },
    { name: 'faceValues', type: 'Set', zh: '支持的面值；为空表示全部', en: 'face values it serves; empty means all' },
    { name: 'costRate', type: 'double', zh: '渠道成本占面值的比例，如 0.97', en: 'what the channel charges as a share of face value, e.g. 0.97' },
    { name: 'successRate', type: 'double', zh: '近期成功率，0–1', en: 'share of successful attempts over the recent window, 0–1' },
    { name: 'latencyP95Millis', type: 'long', zh: '95 分位响应时间（毫秒）', en: '95th percentile answer time (ms)' },
    { name: 'predictedSuccess', type: 'double', zh: '成功率模型对本订单的预测成功率，0–1（按渠道、运营商、省份、面值段、时段，近期尝试权重更高）', en: 'the success model\'s chance, 0–1, that this channel succeeds with this order (by channel, carrier, province, face-value band, hour; recent attempts weigh more)' },
    { name: 'predictionConfidence', type: 'double', zh: '预测的可信度，0（新渠道或久未使用，来自先验）到 1；默认约 20 次近期尝试时为 0.5', en: 'how far the prediction rests on the channel\'s own recent attempts: 0 (new or long unused, from the priors) to 1; 0.5 at about 20 recent attempts' },
    { name: 'predictionSampleSize', type: 'double', zh: '预测所依据的该渠道该运营商近期尝试数（按时间衰减加权）', en: 'the channel\'s recency-weighted recent attempts for the carrier behind the prediction' },
    { name: 'expectedLatencyMillis', type: 'long', zh: '预计从调用渠道到得到结果的时间（毫秒）', en: 'predicted time from the channel call to its result (ms)' },
    { name: 'inFlight', type: 'int', zh: '处理中的订单数', en: 'orders in progress' },
    { name: 'capacity', type: 'int', zh: '同时处理的最大订单数', en: 'the most it takes at once' },
    { name: 'circuitState', type: 'String', zh: '熔断状态：CLOSED 正常、OPEN 停止发单、HALF_OPEN 仅探测', en: 'CLOSED (healthy), OPEN (no traffic), HALF_OPEN (probe traffic only)' },
    { name: 'remainingDailyQuota', type: 'long', zh: '今日剩余额度', en: 'what it may still take today' },
    { name: 'supports', insert: 'supports($order)', type: 'boolean', zh: 'supports(order)：是否支持该订单的运营商、省份和面值', en: "supports(order): serves the order's carrier, province and face value" },
    { name: 'spareCapacity', type: 'double', zh: '空闲容量占比，0–1', en: 'free share of capacity, 0–1' },
    { name: 'latencyScore', type: 'double', zh: '时延得分：即时为 1，p95 达 3 秒为 0', en: '1 for an instant answer, down to 0 at 3 s (p95)' },
  ],
};

const FAILURE_FACT: TermGroup = {
  name: 'FailureFact',
  kind: 'fact',
  zh: '刚刚失败的一次尝试',
  en: 'The attempt that just failed',
  members: [
    { name: 'channel', type: 'String', zh: '失败的渠道', en: 'the channel that failed' },
    { name: 'errorClass', type: 'String', zh: '错误类别：REJECTED、OUT_OF_STOCK、TIMEOUT、NETWORK、INVALID_RESPONSE、UNKNOWN', en: 'REJECTED, OUT_OF_STOCK, TIMEOUT, NETWORK, INVALID_RESPONSE, UNKNOWN' },
    { name: 'errorCode', type: 'String', zh: '渠道自己的错误码，可能为空', en: "the channel's own code, may be null" },
    { name: 'elapsedMillis', type: 'long', zh: '这次尝试用时（毫秒）', en: 'how long the attempt took (ms)' },
  ],
};

const ANOMALY_FACT: TermGroup = {
  name: 'AnomalyFact',
  kind: 'fact',
  zh: '发现的异常',
  en: 'The anomaly found',
  members: [
    { name: 'kind', type: 'String', zh: 'STUCK_PROCESSING、DUPLICATE_SUCCESS、AMOUNT_MISMATCH、DUPLICATE_SUBMISSION', en: 'STUCK_PROCESSING, DUPLICATE_SUCCESS, AMOUNT_MISMATCH, DUPLICATE_SUBMISSION' },
    { name: 'orderId', type: 'String', zh: '订单号', en: 'the order' },
    { name: 'orderStatus', type: 'String', zh: '订单当前状态', en: "the order's status now" },
    { name: 'channel', type: 'String', zh: '相关渠道（重复成功时为先成功的渠道）', en: 'the channel concerned (for DUPLICATE_SUCCESS the first to succeed)' },
    { name: 'secondChannel', type: 'String', zh: '重复成功：报告第二次成功的渠道', en: 'DUPLICATE_SUCCESS: the channel that reported the second success' },
    { name: 'stuckMillis', type: 'long', zh: '卡单：等待渠道的时长（毫秒）', en: 'STUCK_PROCESSING: how long the order has waited' },
    { name: 'queriesSoFar', type: 'int', zh: '卡单：已查询次数', en: 'STUCK_PROCESSING: status queries made' },
    { name: 'lastQueryStatus', type: 'String', zh: '卡单：最近一次查询结果', en: 'STUCK_PROCESSING: the last answer' },
    { name: 'expectedAmount', type: 'long', zh: '订单面值（分）', en: "fen: the order's face value" },
    { name: 'reportedAmount', type: 'long', zh: '金额不符：渠道报告的充值金额（分）', en: 'AMOUNT_MISMATCH: what the channel says it topped up' },
    { name: 'occurrences', type: 'int', zh: '重复提交：窗口内同商户、同号码、同面值的订单数', en: 'DUPLICATE_SUBMISSION: orders of the same merchant, phone and face value' },
    { name: 'windowMillis', type: 'long', zh: '重复提交：时间窗口（毫秒）', en: 'DUPLICATE_SUBMISSION: the window' },
  ],
};

const ROUTE_DECISION: TermGroup = {
  name: 'decision',
  kind: 'global',
  zh: '路由决定（RouteDecision）',
  en: 'The routing decision (RouteDecision)',
  members: [
    { name: 'propose', insert: 'propose($channel, 1.0, "reason")', zh: '推荐渠道并给出分数；同一渠道以最后一次为准', en: 'propose a channel with a score; proposing twice keeps the last score' },
    { name: 'exclude', insert: 'exclude($channel, "reason")', zh: '排除渠道；排除总是优先', en: 'exclude a channel; an exclusion always wins' },
    { name: 'pickWeighted', insert: 'pickWeighted(random)', zh: '按分数加权随机选出首选渠道', en: 'weighted random pick of the first channel by score' },
  ],
};

const RANDOM: TermGroup = {
  name: 'random',
  kind: 'global',
  zh: '每次决定各自播种的随机数（RuleRandom），重放结果相同',
  en: 'Seeded per decision (RuleRandom), so a replay decides the same',
  members: [{ name: 'nextDouble', insert: 'nextDouble()', zh: '0 到 1 之间的随机数', en: 'a random number between 0 and 1' }],
};

const FALLBACK_DECISION: TermGroup = {
  name: 'decision',
  kind: 'global',
  zh: '失败后的处理（FallbackDecision）：第一个做出决定的规则生效',
  en: 'What to do after a failure (FallbackDecision): the first rule to decide wins',
  members: [
    { name: 'nextChannel', insert: 'nextChannel(true, "reason")', zh: '换下一个渠道；queryFirst 为 true 时先查询失败渠道的状态', en: 'try the next channel; queryFirst asks the failed channel first' },
    { name: 'retryLater', insert: 'retryLater(30000, "reason")', zh: '稍后重试（持久化的延迟）', en: 'try again later (a persisted delay)' },
    { name: 'failAndRefund', insert: 'failAndRefund("reason")', zh: '订单失败，退款给商户', en: 'the order fails and its price goes back to the merchant' },
    { name: 'holdForReview', insert: 'holdForReview("reason")', zh: '转人工处理', en: 'a person decides' },
  ],
};

const REPAIR_DECISION: TermGroup = {
  name: 'decision',
  kind: 'global',
  zh: '异常的处理（RepairDecision）：第一个做出决定的规则生效',
  en: 'What to do with the anomaly (RepairDecision): the first rule to decide wins',
  members: [
    { name: 'queryChannel', insert: 'queryChannel("reason")', zh: '再次向渠道查询状态', en: 'ask the channel for the status again' },
    { name: 'markSucceeded', insert: 'markSucceeded("reason")', zh: '订单置为成功', en: 'the order becomes SUCCEEDED' },
    { name: 'failAndRefund', insert: 'failAndRefund("reason")', zh: '订单失败并退款', en: 'the order becomes FAILED and its price goes back' },
    { name: 'reverseDuplicateCharge', insert: 'reverseDuplicateCharge("reason")', zh: '向供应商追回第二笔扣款', en: 'claim the second charge back from the supplier' },
    { name: 'holdForReview', insert: 'holdForReview("reason")', zh: '转入运营人工队列（REVIEW）', en: "the order goes to the operators' queue (REVIEW)" },
    { name: 'flag', insert: 'flag("reason")', zh: '记录给运营查看，订单不变', en: 'recorded for operators; the order is untouched' },
    { name: 'ignore', insert: 'ignore("reason")', zh: '无需处理', en: 'nothing to do' },
  ],
};

export function vocabularyOf(ruleSet: string): TermGroup[] {
  switch (ruleSet) {
    case 'fallback':
      return [ORDER_FACT, FAILURE_FACT, CHANNEL_FACT, FALLBACK_DECISION];
    case 'repair':
      return [ANOMALY_FACT, ORDER_FACT, REPAIR_DECISION];
    default:
      return [ORDER_FACT, CHANNEL_FACT, ROUTE_DECISION, RANDOM];
  }
}

/** Every name of the fact model across rule sets, for highlighting. */
export const FACT_TYPES = ['OrderFact', 'ChannelFact', 'FailureFact', 'AnomalyFact', 'RouteDecision', 'FallbackDecision', 'RepairDecision', 'RuleRandom'];
export const GLOBALS = ['decision', 'random'];
