import { type Describable, featuresOf } from './features.js';

export interface Example extends Describable {
  readonly categoryId: string;
}

export interface LearnedSuggestion {
  readonly categoryId: string;
  /** The model's probability for it, 0–1. */
  readonly confidence: number;
}

/**
 * A multinomial naive Bayes model learned on this device from the user's own categorised
 * transactions. It never leaves the device and is rebuilt from the ledger, so it needs no sync.
 */
export class CategoryModel {
  private constructor(
    private readonly categoryCounts: ReadonlyMap<string, number>,
    private readonly featureCounts: ReadonlyMap<string, ReadonlyMap<string, number>>,
    private readonly featureTotals: ReadonlyMap<string, number>,
    private readonly vocabulary: number,
    private readonly examples: number,
  ) {}

  static train(examples: Iterable<Example>): CategoryModel {
    const categoryCounts = new Map<string, number>();
    const featureCounts = new Map<string, Map<string, number>>();
    const featureTotals = new Map<string, number>();
    const vocabulary = new Set<string>();
    let total = 0;
    for (const example of examples) {
      total += 1;
      categoryCounts.set(example.categoryId, (categoryCounts.get(example.categoryId) ?? 0) + 1);
      const counts = featureCounts.get(example.categoryId) ?? new Map<string, number>();
      for (const [feature, weight] of featuresOf(example)) {
        vocabulary.add(feature);
        counts.set(feature, (counts.get(feature) ?? 0) + weight);
        featureTotals.set(example.categoryId, (featureTotals.get(example.categoryId) ?? 0) + weight);
      }
      featureCounts.set(example.categoryId, counts);
    }
    return new CategoryModel(categoryCounts, featureCounts, featureTotals, vocabulary.size, total);
  }

  get size(): number {
    return this.examples;
  }

  /** Whether the category was learned with any word of the transaction's payee or notes, not only with its amount. */
  knowsWordsOf(transaction: Describable, categoryId: string): boolean {
    const counts = this.featureCounts.get(categoryId);
    return featuresOf(transaction).some(([feature]) => !feature.startsWith('a:') && (counts?.get(feature) ?? 0) > 0);
  }

  /** The most likely category, or undefined before the model has learned anything. */
  suggest(transaction: Describable): LearnedSuggestion | undefined {
    if (this.examples === 0) return undefined;
    const features = featuresOf(transaction);
    const scores: [string, number][] = [];
    for (const [categoryId, count] of this.categoryCounts) {
      const counts = this.featureCounts.get(categoryId);
      const denominator = (this.featureTotals.get(categoryId) ?? 0) + this.vocabulary + 1;
      let score = Math.log(count / this.examples);
      // Laplace smoothing: a word never seen with a category makes it unlikely, not impossible.
      for (const [feature, weight] of features)
        score += weight * Math.log(((counts?.get(feature) ?? 0) + 1) / denominator);
      scores.push([categoryId, score]);
    }
    scores.sort(([, a], [, b]) => b - a);
    const [best] = scores;
    if (!best) return undefined;
    const sum = scores.reduce((total, [, score]) => total + Math.exp(score - best[1]), 0);
    return { categoryId: best[0], confidence: 1 / sum };
  }
}
