/** Sample facts to try rules on, per rule set; analysts edit them or load a real order's facts instead. */
const channels = [
  { code: 'sim-fast', carriers: ['CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM'], costRate: 0.985, successRate: 0.97, latencyP95Millis: 400, predictedSuccess: 0.97, predictionConfidence: 0.9, predictionSampleSize: 180, expectedLatencyMillis: 300, inFlight: 3, capacity: 50, circuitState: 'CLOSED' },
  { code: 'sim-cheap', carriers: ['CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM'], costRate: 0.96, successRate: 0.9, latencyP95Millis: 1800, predictedSuccess: 0.91, predictionConfidence: 0.8, predictionSampleSize: 80, expectedLatencyMillis: 900, inFlight: 10, capacity: 50, circuitState: 'CLOSED' },
  { code: 'sim-flaky', carriers: ['CHINA_MOBILE', 'CHINA_TELECOM'], costRate: 0.95, successRate: 0.6, latencyP95Millis: 2500, predictedSuccess: 0.62, predictionConfidence: 0.3, predictionSampleSize: 9, expectedLatencyMillis: 1500, inFlight: 1, capacity: 20, circuitState: 'HALF_OPEN' },
];

const order = { carrier: 'CHINA_MOBILE', province: '广东', city: '广州', faceValue: 10000, price: 9850, merchant: 'demo-merchant', attempt: 1, ageMillis: 0 };

export interface Sample {
  id: string;
  facts: Record<string, unknown>;
}

export function samplesOf(ruleSet: string): Sample[] {
  switch (ruleSet) {
    case 'fallback':
      return [
        { id: 'timeout', facts: { order: { ...order, attempt: 1, ageMillis: 8000 }, failure: { channel: 'sim-fast', errorClass: 'TIMEOUT', errorCode: null, elapsedMillis: 5000 }, channels: channels.slice(1) } },
        { id: 'barred', facts: { order: { ...order, attempt: 1 }, failure: { channel: 'sim-fast', errorClass: 'REJECTED', errorCode: '1007', elapsedMillis: 300 }, channels: channels.slice(1) } },
        { id: 'lastChannel', facts: { order: { ...order, attempt: 3, ageMillis: 60000 }, failure: { channel: 'sim-flaky', errorClass: 'OUT_OF_STOCK', errorCode: null, elapsedMillis: 200 }, channels: [] } },
      ];
    case 'repair':
      return [
        { id: 'stuck', facts: { anomaly: { kind: 'STUCK_PROCESSING', channel: 'sim-fast', orderStatus: 'PROCESSING', stuckMillis: 600000, queriesSoFar: 5, lastQueryStatus: 'PROCESSING', expectedAmount: 10000 }, order } },
        { id: 'duplicateSuccess', facts: { anomaly: { kind: 'DUPLICATE_SUCCESS', channel: 'sim-fast', secondChannel: 'sim-cheap', orderStatus: 'SUCCEEDED', expectedAmount: 10000 }, order } },
        { id: 'amountMismatch', facts: { anomaly: { kind: 'AMOUNT_MISMATCH', channel: 'sim-cheap', orderStatus: 'PROCESSING', expectedAmount: 10000, reportedAmount: 5000 }, order } },
      ];
    default:
      return [
        { id: 'mobile', facts: { order, channels } },
        { id: 'telecom', facts: { order: { ...order, carrier: 'CHINA_TELECOM', province: '北京', city: '北京', faceValue: 5000, price: 4925 }, channels } },
        { id: 'allOpen', facts: { order, channels: channels.map((c) => ({ ...c, circuitState: 'OPEN' })) } },
      ];
  }
}

/** The facts typed in as JSON: an object with order/channels/failure/anomaly, or a message saying what is wrong. */
export function parseFacts(text: string): { facts: Record<string, unknown> } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { problem: 'facts must be a JSON object' };
  }
  const unknownKeys = Object.keys(parsed).filter((k) => !['order', 'channels', 'failure', 'anomaly', 'seed'].includes(k));
  if (unknownKeys.length) {
    return { problem: `unknown keys: ${unknownKeys.join(', ')}` };
  }
  return { facts: parsed as Record<string, unknown> };
}
