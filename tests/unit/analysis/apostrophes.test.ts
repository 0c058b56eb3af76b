import { describe, expect, it } from 'vitest';
import { restoreApostrophes, spanToSource } from '../../../lib/analysis/apostrophes';
import { analyze } from '../../../lib/analysis/index';
import { fixturePhrasebank } from './fixture';

const RULES = { layers: { model: false } } as const;

describe('missing apostrophes and chat shorthand', () => {
  it('are restored in unambiguous words only', () => {
    expect(restoreApostrophes('dont worry, thats fine, youre set and im on it, I cant wait').text).toBe("don't worry, that's fine, you're set and i'm on it, I can't wait");
    for (const word of ['its', 'were', 'well', 'lets', 'ill', 'wed', 'shed']) expect(restoreApostrophes(`the ${word} thing`).toSource).toBeNull();
  });

  it('restore "its" only before a word a possessive never takes', () => {
    expect(restoreApostrophes('honestly its not that serious').text).toBe("honestly it's not that serious");
    expect(restoreApostrophes('its just a scratch, its been fine').text).toBe("it's just a scratch, it's been fine");
    for (const typed of ['the box and its lid', 'its battery lasts a day', 'check its settings']) expect(restoreApostrophes(typed).toSource).toBeNull();
  });

  it('read chat\'s "u" and "urself" as you and yourself, and leave letters in names alone', () => {
    const typed = 'u need to reset it urself';
    const r = restoreApostrophes(typed);
    expect(r.text).toBe('you need to reset it yourself');
    const [a, b] = spanToSource(r, 0, 'you need'.length);
    expect(typed.slice(a, b)).toBe('u need');
    expect(restoreApostrophes('the U-bend, the U.S. plan and Plan-u').toSource).toBeNull();
  });

  it('read "ur" as "you\'re" before what follows "you are", and as "your" before anything else', () => {
    expect(restoreApostrophes('ur overreacting, ur not the only one').text).toBe("you're overreacting, you're not the only one");
    expect(restoreApostrophes('ur order shipped, check ur email').text).toBe('your order shipped, check your email');
    const typed = 'honestly ur wrong';
    const r = restoreApostrophes(typed);
    const start = r.text.indexOf("you're");
    const [a, b] = spanToSource(r, start, start + "you're wrong".length);
    expect(typed.slice(a, b)).toBe('ur wrong');
    expect(restoreApostrophes('Ur card is fine').text.toLowerCase()).toBe('your card is fine'); // matching ignores case
    expect(restoreApostrophes('the city of Ur and the ur-text').toSource).toBeNull();
  });

  it('restore "shouldve" and "its" before a pronoun', () => {
    expect(restoreApostrophes('u shouldve checked, its ur fault').text).toBe("you should've checked, it's your fault");
  });

  it('map spans of the restored text back to what was typed', () => {
    const typed = 'ok so dont panic';
    const r = restoreApostrophes(typed);
    const start = r.text.indexOf("don't");
    const [a, b] = spanToSource(r, start, start + "don't panic".length);
    expect(typed.slice(a, b)).toBe('dont panic');
  });

  it('let rules written with apostrophes match, with offsets into the draft as typed', () => {
    const pb = fixturePhrasebank();
    const draft = 'Hi Sam, pls calm down. thats our policy.';
    const withApostrophes = analyze("Hi Sam, pls calm down. that's our policy.", pb, undefined, RULES).findings.map((f) => f.ruleId);
    const report = analyze(draft, pb, undefined, RULES);
    expect(report.findings.map((f) => f.ruleId)).toEqual(withApostrophes);
    for (const f of report.findings) expect(draft.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('chat fillers around a clause', () => {
  it('are left out of rule matching, so anchored rules still match, with offsets into the draft', async () => {
    const { coreSpan } = await import('../../../lib/analysis/fillers');
    const core = (s: string) => s.slice(...coreSpan(s));
    expect(core("@sam ok, that's not true, sorry")).toBe("that's not true");
    expect(core('you must tbh 🙄')).toBe('you must');
    expect(core('Sorry')).toBe('Sorry'); // nothing left: the whole sentence
    expect(core('So you were charged twice.')).toBe('So you were charged twice.'); // "so" carries meaning
    const pb = fixturePhrasebank();
    const draft = '@sam ok, please calm down, thanks';
    const [f] = analyze(draft, pb, undefined, RULES).findings;
    expect(f?.ruleId).toBe('invalidating/calm-down');
    expect(draft.slice(f.start, f.end)).toBe(f.text);
  });
});
