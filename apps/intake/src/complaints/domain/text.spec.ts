import { hasForbiddenCharacters, normaliseText } from './text';

describe('text rules', () => {
  it('normalises to NFC, so decomposed and composed forms are the same text', () => {
    const decomposed = 'Cafe\u0301';
    expect(normaliseText(decomposed)).toBe('Caf\u00e9');
    expect(normaliseText(decomposed)).toHaveLength(4);
  });

  it('refuses control characters everywhere and line breaks in single-line fields', () => {
    expect(hasForbiddenCharacters('a\u0000b', 'multi-line')).toBe(true);
    expect(hasForbiddenCharacters('a\u001bb', 'multi-line')).toBe(true);
    expect(hasForbiddenCharacters('a\u0085b', 'multi-line')).toBe(true);
    expect(hasForbiddenCharacters('a\u202eb', 'multi-line')).toBe(true);
    expect(hasForbiddenCharacters('line\nnext\tcol\r\n', 'multi-line')).toBe(false);
    expect(hasForbiddenCharacters('line\nnext', 'single-line')).toBe(true);
    expect(hasForbiddenCharacters('a\tb', 'single-line')).toBe(true);
  });

  it('keeps HTML and any script as ordinary text', () => {
    expect(hasForbiddenCharacters('<script>alert(1)</script> Jalan 🚧 rusak', 'single-line')).toBe(
      false,
    );
  });
});
