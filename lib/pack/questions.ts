/**
 * The curated questions (data/catalog/questions.json) made pack questions: each answer's
 * sentence locators resolved to claim ids, each gist checked against the cited quotes, each
 * entity id checked against the catalog. The question and its verdict are a reader's
 * judgement and stay as written; everything they point at must exist, verbatim.
 */
import { PackInputError } from './errors';
import { locateClaim } from './locate';
import type { QuestionsFile } from './schema';
import type { Claim, Question } from './types';

export function buildQuestions(
  file: string,
  input: QuestionsFile,
  claims: readonly Claim[],
  entityIds: ReadonlySet<string>,
): Question[] {
  const seen = new Set<string>();
  return input.questions.map((q) => {
    const fail = (field: string, problem: string): never => {
      throw new PackInputError(file, q.id, field, problem, 'question');
    };
    if (seen.has(q.id)) fail('id', 'duplicate question id');
    seen.add(q.id);
    for (const [i, id] of q.entityIds.entries()) {
      if (!entityIds.has(id)) fail(`entityIds.${i}`, `unknown entity id "${id}"`);
    }
    const answers = q.answers.map((a, i) => {
      const cited = a.claims.map((locator, j) => {
        const found = locateClaim(claims, locator);
        return found.ok ? found.claim : fail(`answers.${i}.claims.${j}`, found.problem);
      });
      if (!cited.some((c) => c.quote.includes(a.gist))) {
        fail(
          `answers.${i}.gist`,
          `"${a.gist}" is not in any of the cited sentences (a gist is their own words, verbatim)`,
        );
      }
      const claimIds = [...new Set(cited.map((c) => c.id))];
      if (claimIds.length < cited.length) fail(`answers.${i}.claims`, 'cites one sentence twice');
      return { claimIds, gist: a.gist, cited };
    });
    const all = answers.flatMap((a) => a.cited);
    if (new Set(all.map((c) => c.id)).size < all.length) {
      fail('answers', 'one sentence is cited by two answers: it can only give one of them');
    }
    const sources = new Set(all.map((c) => c.sourceId));
    if (q.verdict === 'agree' && sources.size < 2) {
      fail('verdict', '"agree" needs answers from at least two sources');
    }
    if (q.verdict !== 'agree' && answers.length < 2) {
      fail('answers', `"${q.verdict}" needs at least two answers that differ`);
    }
    return {
      id: q.id,
      question: q.question,
      entityIds: [...q.entityIds],
      answers: answers.map(({ claimIds, gist }) => ({ claimIds, gist })),
      verdict: q.verdict,
    };
  });
}
