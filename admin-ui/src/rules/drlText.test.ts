import { describe, expect, it } from 'vitest';
import { changedLineCounts, errorRange, locate, offsetOf, ruleHeaders } from './drlText';
import { isStale } from './api';

const DRL = 'rule "A"\nwhen\n    $o : OrderFact( carier == "X" )\nthen\nend\n';

describe('DRL positions', () => {
  it('finds the offset of a 1-based line and column', () => {
    expect(offsetOf(DRL, 1, 1)).toBe(0);
    expect(DRL.slice(offsetOf(DRL, 3, 21))).toMatch(/^carier/);
    expect(offsetOf(DRL, 99, 1)).toBe(DRL.length);
    expect(offsetOf(DRL, 0, 0)).toBe(0);
  });

  it('underlines the word at the error position', () => {
    const range = errorRange(DRL, { line: 3, column: 21 });
    expect(DRL.slice(range.from, range.to)).toBe('carier');
  });

  it('finds the column of the name the compiler could not resolve when it gave none', () => {
    const message = 'Unable to Analyse Expression carier == "X": [Error: unable to resolve method using strict-mode: com.topup.rules.model.OrderFact.carier()] [Line: 3, Column: 4]';
    const found = locate(DRL, { line: 3, column: 0, message });
    expect(found.column).toBe(21);
    expect(DRL.slice(offsetOf(DRL, found.line, found.column))).toMatch(/^carier/);
    expect(locate(DRL, { line: 3, column: 0, message: 'something else' }).column).toBe(0);
    expect(locate(DRL, { line: 3, column: 7, message }).column).toBe(7);
    expect(locate(DRL, { line: 2, column: 0, message }).column).toBe(0);
  });

  it('underlines the whole line when the column is unknown', () => {
    const range = errorRange(DRL, { line: 2, column: 0 });
    expect(DRL.slice(range.from, range.to)).toBe('when');
  });

  it('clamps a column past the end of its line to the line end', () => {
    const range = errorRange(DRL, { line: 4, column: 80 });
    expect(range.from).toBe(offsetOf(DRL, 4, 5));
    expect(range.to).toBeGreaterThanOrEqual(range.from);
  });
});

describe('DRL outline and changes', () => {
  it('lists rules with their lines', () => {
    expect(ruleHeaders('rule "One"\nend\n  rule Two\nend')).toEqual([
      { name: 'One', line: 1 },
      { name: 'Two', line: 3 },
    ]);
  });

  it('counts lines added and removed', () => {
    expect(changedLineCounts('a\nb\nc', 'a\nc\nd\ne')).toEqual({ added: 2, removed: 1 });
    expect(changedLineCounts('same', 'same')).toEqual({ added: 0, removed: 0 });
  });

  it('flags a submission whose base is no longer live', () => {
    expect(isStale({ baseVersion: 3 }, 4)).toBe(true);
    expect(isStale({ baseVersion: 4 }, 4)).toBe(false);
    expect(isStale({ baseVersion: null }, 4)).toBe(false);
  });
});
