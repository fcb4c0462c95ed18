import { afterEach, describe, expect, it } from 'vitest';
import i18n from './i18n';
import { basisPoints, carrierName, dateTime, millisTick, parseYuan, percent, yuan } from './format';

describe('money', () => {
  it('shows fen as yuan with two decimals and grouping, without floating point', () => {
    expect(yuan(9850)).toBe('¥98.50');
    expect(yuan(100000000)).toBe('¥1,000,000.00');
    expect(yuan(5)).toBe('¥0.05');
    expect(yuan(-1234)).toBe('-¥12.34');
    expect(yuan(0)).toBe('¥0.00');
    expect(yuan(null)).toBe('—');
  });

  it('reads yuan typed by a person into fen', () => {
    expect(parseYuan('98.5')).toBe(9850);
    expect(parseYuan(' 100 ')).toBe(10000);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});

describe('labels', () => {
  afterEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('names carriers in the console’s language and keeps unknown codes', async () => {
    expect(carrierName('CHINA_MOBILE')).toBe('中国移动');
    expect(carrierName('CHINA_BROADNET')).toBe('中国广电');
    expect(carrierName('ELSEWHERE')).toBe('ELSEWHERE');
    expect(carrierName(null)).toBe('—');
    await i18n.changeLanguage('en');
    expect(carrierName('CHINA_MOBILE')).toBe('China Mobile');
    expect(carrierName('CHINA_TELECOM')).toBe('China Telecom');
    expect(carrierName('ELSEWHERE')).toBe('ELSEWHERE');
  });

  it('formats rates and basis points', () => {
    expect(percent(0.9734)).toBe('97.3%');
    expect(percent(undefined)).toBe('—');
    expect(basisPoints(9850)).toBe('98.50%');
  });

  it('labels latency axis ticks without a trailing ".0"', () => {
    expect([0, 300, 1000, 1500, 3000, 9000, 12000].map(millisTick)).toEqual(['0 ms', '300 ms', '1 s', '1.5 s', '3 s', '9 s', '12 s']);
  });

  it('shows instants in the browser zone and keeps text it cannot read', () => {
    const shown = dateTime('2026-01-02T03:04:05Z', 'en');
    const local = new Date('2026-01-02T03:04:05Z');
    expect(shown).toContain(String(local.getMinutes()).padStart(2, '0'));
    expect(dateTime('not a time', 'en')).toBe('not a time');
    expect(dateTime(null, 'en')).toBe('—');
  });
});
