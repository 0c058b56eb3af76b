/**
 * Lazy access to the analysis engine and phrasebank tooling, so that usage and input errors are
 * reported without first loading the NLP library (which takes most of the CLI's start-up time).
 */

/** The analysis core (`analyze`). */
export const loadAnalysis = () => import('../analysis/index');

/** The Node phrasebank loader (`loadPhrasebank`). */
export const loadPhrasebankNode = () => import('../phrasebank/node');

/** Phrasebank example runners (`runExamples`, `uncoveredAlternatives`). */
export const loadExamples = () => import('../analysis/examples');
