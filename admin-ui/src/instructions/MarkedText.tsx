import { useTranslation } from 'react-i18next';
import type { InstructionItem, InstructionProblem, Mark } from './api';
import { segments } from './api';

/** The label of a mark: items 1, 2, …; problems A, B, … */
export function markLabel(mark: Mark): string {
  return mark.kind === 'item' ? String(mark.index + 1) : String.fromCharCode(65 + (mark.index % 26));
}

/** The instruction as typed, each understood number and each problem marked where the server found it. */
export function MarkedText({ text, items, problems }: { text: string; items: InstructionItem[]; problems: InstructionProblem[] }) {
  const { t } = useTranslation();
  const title = (mark: Mark) => mark.kind === 'item'
    ? t('instructions.itemMark', { n: markLabel(mark) })
    : `${markLabel(mark)}: ${t(`instructions.problem.${problems[mark.index].code}`, { defaultValue: problems[mark.index].code })}`;
  return (
    <div className="marked-text" data-testid="marked-text">
      {segments(text, items, problems).map((segment) => {
        if (segment.marks.length === 0) return <span key={segment.start}>{segment.text}</span>;
        const problem = segment.marks.some((m) => m.kind === 'problem');
        return (
          <span key={segment.start}>
            <mark className={problem ? 'mark-problem' : 'mark-item'} title={segment.marks.map(title).join('\n')}>{segment.text}</mark>
            {segment.ends.map((m) => (
              <sup key={`${m.kind}${m.index}`} className={m.kind === 'item' ? 'mark-label-item' : 'mark-label-problem'}>{markLabel(m)}</sup>
            ))}
          </span>
        );
      })}
    </div>
  );
}
