/** The scoring engine: a finished deal's move log and timeline judged against the rules. */
export { displayScore, scoreAttempt } from './score';
export type { RuleVerdict, ScoreReport } from './types';
