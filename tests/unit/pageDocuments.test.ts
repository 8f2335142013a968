import { stringValues } from '../../scripts/trustedDocuments';

/** The texts `npm run documents` reads from a page's script: what the page can send as written. */
describe('stringValues', () => {
  it('reads plain strings and templates', () => {
    expect(stringValues(`const a = 'x'; const b = "y"; const c = \`z\`;`)).toEqual(['x', 'y', 'z']);
  });

  it('resolves a template whose substitutions are constants of the same source', () => {
    const source = `const FIELDS = \`id name\`;
      const Q = \`query Q { things { \${FIELDS} } }\`;`;
    expect(stringValues(source)).toContain('query Q { things { id name } }');
  });

  it('gives each text of a choice between constants, and of a + of them', () => {
    const source = `function q(withIds) { return \`{ a { n \${withIds ? 'ids' : ''} } }\`; }
      const P = 'x' + (flag ? 'y' : 'z');`;
    const values = stringValues(source);
    expect(values).toEqual(expect.arrayContaining(['{ a { n ids } }', '{ a { n  } }', 'xy', 'xz']));
  });

  it('leaves out a template with a substitution that is not a constant', () => {
    const source = `let n = 1; const Q = \`{ a(limit: \${n}) { id } }\`; const R = \`\${call()} x\`;`;
    expect(stringValues(source).filter((v) => v.includes('{ a'))).toEqual([]);
    expect(stringValues(source)).not.toContain(' x');
  });

  it('does not take a name bound in two scopes for a constant, nor loop on a constant naming itself', () => {
    const source = `function f() { const S = 'a'; } function g() { const S = 'b'; } const T = \`[\${S}]\`;
      const L = \`\${L}\`;`;
    expect(stringValues(source)).toEqual(['a', 'b']);
  });

  it('reads past regular expressions and nested templates as a parser does', () => {
    const source = "const re = /'not a string`/g; const s = `a${`b${'c'}`}`;";
    expect(stringValues(source)).toEqual(expect.arrayContaining(['abc', 'bc', 'c']));
    expect(stringValues(source).some((v) => v.includes('not a string'))).toBe(false);
  });
});
