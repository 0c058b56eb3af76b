/** The default phrasebank, compiled from phrasebank/ by `npm run -s phrasebank:build`. */
export { default as bundledPhrasebank } from './bundled.generated';
