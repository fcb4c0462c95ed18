import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { MergeView } from '@codemirror/merge';
import { useTranslation } from 'react-i18next';
import { drl, drlHighlight } from './drlLanguage';

/** Two DRL texts side by side with their differences marked (before on the left). */
export default function DiffView({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const extensions = [lineNumbers(), drl, drlHighlight, EditorState.readOnly.of(true), EditorView.editable.of(false),
      EditorState.phrases.of({ '$ unchanged lines': t('rules.diff.unchanged') }),
      // the merge view's own marks (⦚) are missing from most CJK fonts
      EditorView.theme({ '.cm-collapsedLines:before, .cm-collapsedLines:after': { content: '"…"' } })];
    const merge = new MergeView({
      a: { doc: before, extensions },
      b: { doc: after, extensions },
      parent: host.current!,
      collapseUnchanged: { margin: 3, minSize: 6 },
      gutter: true,
    });
    return () => merge.destroy();
  }, [before, after, t]);
  return (
    <div className="diff" data-testid="diff-view">
      <div className="diff-labels">
        <span>{beforeLabel}</span>
        <span>{afterLabel}</span>
      </div>
      {before === after && <div className="state state-empty">{t('rules.diff.same')}</div>}
      <div ref={host} className="diff-body" />
    </div>
  );
}
