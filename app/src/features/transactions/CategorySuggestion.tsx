import { useText } from '../../i18n/index.js';
import type { Suggestion } from '../categorise/index.js';
import { transactionEditorMessages } from './editor-messages.js';

interface CategorySuggestionProps {
  readonly suggestion: Suggestion | undefined;
  readonly categoryName: (categoryId: string) => string;
  readonly onAccept: (categoryId: string) => void;
}

/**
 * A suggested category, taken with one click or keypress. The region is always there, so a
 * screen reader announces a suggestion when it appears.
 */
export function CategorySuggestion({ suggestion, categoryName, onAccept }: CategorySuggestionProps) {
  const text = useText(transactionEditorMessages);
  const category = suggestion ? categoryName(suggestion.categoryId) : '';
  return (
    <div className="suggestion" role="status">
      {suggestion && (
        <>
          <span data-testid="suggestion" data-category-id={suggestion.categoryId}>
            {suggestion.source === 'rule'
              ? text('suggestedRule', { contains: suggestion.rule.contains, category })
              : text('suggestedLearned', { category })}
          </span>
          <button
            type="button"
            className="button"
            data-testid="use-suggestion"
            onClick={() => onAccept(suggestion.categoryId)}
          >
            {text('useSuggestion', { category })}
          </button>
        </>
      )}
    </div>
  );
}
