import { useTranslation } from 'react-i18next';
import { vocabularyOf } from './vocabulary';

/** The fact model and decision methods of a rule set with their meanings; a click inserts the name. */
export function VocabularyPanel({ ruleSet, onInsert }: { ruleSet: string; onInsert?: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <aside className="vocabulary" aria-label={t('rules.vocabulary.title')} data-testid="vocabulary">
      <h3>{t('rules.vocabulary.title')}</h3>
      <p className="muted small">{t('rules.vocabulary.hint')}</p>
      {vocabularyOf(ruleSet).map((group) => (
        <details key={`${group.kind}-${group.name}`} open={group.kind === 'global' || group.name === 'OrderFact'}>
          <summary>
            <code className={group.kind === 'fact' ? 'term-type' : 'term-global'}>{group.name}</code>{' '}
            <span className="muted small">{zh ? group.zh : group.en}</span>
          </summary>
          <dl>
            {group.members.map((m) => {
              const text = group.kind === 'global' ? `${group.name}.${m.insert ?? m.name}` : m.insert ?? m.name;
              return (
                <div key={m.name} className="term">
                  <dt>
                    <button
                      type="button"
                      className="link code"
                      title={t('rules.vocabulary.insert', { text })}
                      onClick={() => onInsert?.(text)}
                      disabled={!onInsert}
                    >
                      {m.name}
                    </button>
                    {m.type && <span className="muted small"> {m.type}</span>}
                  </dt>
                  <dd>{zh ? m.zh : m.en}</dd>
                </div>
              );
            })}
          </dl>
        </details>
      ))}
    </aside>
  );
}
