import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { CompletionContext } from '@codemirror/autocomplete';
import { StringStream } from '@codemirror/language';
import { drlCompletion, drlParser } from './drlLanguage';

function tokens(line: string): [string, string | null][] {
  const state = drlParser.startState!(2);
  const stream = new StringStream(line, 4, 2);
  const out: [string, string | null][] = [];
  while (!stream.eol()) {
    const style = drlParser.token(stream, state);
    const text = stream.current();
    if (text.trim()) out.push([text, style]);
    stream.start = stream.pos;
  }
  return out;
}

describe('DRL highlighting', () => {
  it('marks keywords, fact types, bindings, strings and comments', () => {
    const found = tokens('rule "Cheap" salience 10 when $c : ChannelFact( costRate < 0.96 ) // note');
    expect(found).toContainEqual(['rule', 'keyword']);
    expect(found).toContainEqual(['"Cheap"', 'string']);
    expect(found).toContainEqual(['10', 'number']);
    expect(found).toContainEqual(['$c', 'variableName.special']);
    expect(found).toContainEqual(['ChannelFact', 'typeName']);
    expect(found).toContainEqual(['// note', 'comment']);
  });

  it('carries a block comment over lines', () => {
    const state = drlParser.startState!(2);
    const first = new StringStream('/* start', 4, 2);
    drlParser.token(first, state);
    expect(state.inComment).toBe(true);
    const second = new StringStream('still */ rule', 4, 2);
    expect(drlParser.token(second, state)).toBe('comment');
    expect(state.inComment).toBe(false);
  });
});

describe('DRL completion', () => {
  const complete = (text: string, ruleSet = 'routing') => {
    const state = EditorState.create({ doc: text });
    return drlCompletion(ruleSet, () => 'en')(new CompletionContext(state, text.length, false));
  };

  it('offers the decision methods of the rule set after "decision."', () => {
    const routing = complete('decision.pro');
    expect(routing?.options.map((o) => o.label)).toContain('propose');
    const fallback = complete('decision.', 'fallback');
    expect(fallback?.options.map((o) => o.label)).toEqual(['nextChannel', 'retryLater', 'failAndRefund', 'holdForReview']);
  });

  it('offers fact names and fields with their meaning', () => {
    const result = complete('Chan');
    const channel = result?.options.find((o) => o.label === 'ChannelFact');
    expect(channel?.info).toBe('A supplier channel (one per channel)');
    expect(result?.options.map((o) => o.label)).toContain('successRate');
  });
});
