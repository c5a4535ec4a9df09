/** The message catalogue: every entry speaks both languages, errors travel as id + parameters. */
import { CATALOGUE, MessageError, errorDetail, t, translateError, type MessageId } from '../../src/core/catalogue';

/** Parameters for any entry: every name reads as "«name»" (numbers as 2). */
const anyParams = new Proxy({}, {
  get: (_t, key) => (typeof key !== 'string' ? undefined : /^(names|reasons|missing|parts|counts|ja|en)$/.test(key) ? ['«a»', '«b»'] : /^(n|m|block|blocks|count|decimals|common|table|row|tables|kpis)$/.test(key) ? 2 : `«${key}»`),
});
const HIRAGANA = /[\u3041-\u3096]/;

describe('message catalogue', () => {
  const ids = Object.keys(CATALOGUE) as MessageId[];

  test('holds the finding messages and the host errors', () => {
    expect(ids).toEqual(expect.arrayContaining(['rate-mismatch', 'error.sheet-not-found', 'error.write-refused']));
  });

  test.each(ids)('%s has a Japanese and an English text without holes', (id) => {
    const entry = CATALOGUE[id] as unknown as { ja: (p: unknown) => string; en: (p: unknown) => string };
    const ja = entry.ja(anyParams);
    const en = entry.en(anyParams);
    expect(ja.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(ja).not.toMatch(/undefined|\[object Object\]/);
    expect(en).not.toMatch(/undefined|\[object Object\]/);
    // English may quote Japanese sheet words (備考, KPI定義) but never a Japanese sentence.
    expect(en).not.toMatch(HIRAGANA);
    expect(ja).not.toBe(en);
  });

  test('t() picks the language and fills the parameters', () => {
    expect(t('ja', 'error.sheet-not-found', { sheet: '進捗' })).toBe('シート「進捗」が見つかりません。名前が変わっていないか確認し、もう一度読み込んでください。');
    expect(t('en', 'error.sheet-not-found', { sheet: '進捗' })).toBe('Sheet "進捗" was not found. Check whether it was renamed, then reload.');
  });

  test('a MessageError carries id and parameters; the UI translates it', () => {
    const e = new MessageError('error.write-refused', { why: 'InvalidArgument', block: 1, blocks: 3 });
    expect(e.id).toBe('error.write-refused');
    expect(e.params).toEqual([{ why: 'InvalidArgument', block: 1, blocks: 3 }]);
    expect(e.message).toContain('3 回中 2 回目');
    expect(translateError('en', e)).toBe(
      "Excel refused the writes (block 2 of 3; earlier blocks were written): InvalidArgument. Excel's Undo (Ctrl+Z) reverts them. Check merged cells and sheet protection, then run it again.",
    );
    expect(errorDetail('en', e)).toBe(translateError('en', e));
  });

  test('anything else is named as unexpected, in the user language', () => {
    expect(translateError('en', new TypeError('x is undefined'))).toBe('An unexpected error occurred: x is undefined');
    expect(translateError('ja', 'boom')).toBe('予期しないエラーが発生しました: boom');
    expect(errorDetail('ja', new Error('raw'))).toBe('raw');
  });
});
