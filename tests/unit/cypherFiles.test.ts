import fs from 'node:fs';
import path from 'node:path';
import { AWARD_ON, cypherOverlapsPeriod, EVENT_ON, STORY_ON } from '../../src/analytics/shared/period';
import { ROLLUP_SUBQUERY } from '../../src/analytics/shared/placeRollup';
import { cypherHasExemplarLabel, cypherQualifiesAsExemplar } from '../../src/domain/exemplar';
import { loadTypeDefs } from '../../src/graphql/loadTypeDefs';
import { CYPHER_FILES, documentedParameters, statementBody, usedParameters } from '../support/cypherFiles';

/**
 * The statements kept as .cypher files spell out, verbatim, what the code states once: the
 * exemplar rule (src/domain/exemplar.ts), the place rollup and the period test (analytics/shared).
 * Pasted text can drift; this checks it has not. It also checks each file documents every
 * parameter it uses with a `:param` line, so it runs as it is in Neo4j Browser.
 */
const files = CYPHER_FILES.map((file) => ({ file: path.relative(process.cwd(), file), text: fs.readFileSync(file, 'utf8') }));
const sdlStatements = loadTypeDefs().flatMap((sdl) =>
  [...sdl.matchAll(/statement:\s*"""([\s\S]*?)"""|statement:\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2] ?? ''),
);

describe('the .cypher files', () => {
  it('are found (every large statement of analytics and jobs)', () => {
    expect(files.map((f) => path.basename(f.file))).toEqual(
      expect.arrayContaining([
        'relatedExemplars.cypher',
        'relatedStories.cypher',
        'fieldDashboard.cypher',
        'fieldDashboardCube.cypher',
        'movementImpact.cypher',
        'cubePlaces.cypher',
        'switchCube.cypher',
      ]),
    );
  });

  it('document every parameter they use, and no other, with a :param line', () => {
    for (const { file, text } of files) {
      expect({ file, params: [...documentedParameters(text).keys()].sort() }).toEqual({
        file,
        params: [...usedParameters(statementBody(text))].sort(),
      });
    }
  });

  it('spell the exemplar rule as the domain model renders it (and so does the SDL)', () => {
    for (const { file, text } of [...files, ...sdlStatements.map((text, i) => ({ file: `SDL @cypher #${i}`, text }))]) {
      for (const match of text.matchAll(/EXISTS \{ \((\w+)\)-\[:([A-Z_|]+)\]->\(\) \}/g)) {
        if (match[2]!.split('|').includes('EXEMPLAR_OF')) {
          expect({ file, rule: match[0] }).toEqual({ file, rule: cypherQualifiesAsExemplar(match[1]!) });
        }
      }
      for (const match of text.matchAll(/\((\w+):Person(?: OR \1:\w+)+\)/g)) {
        expect({ file, labels: match[0] }).toEqual({ file, labels: cypherHasExemplarLabel(match[1]!) });
      }
      // A label test other than the canonical one: bare (x:Person OR …) or on one label only ((x:Person) AND …).
      const partial =
        /[^(]\b\w+:Person OR|(WHERE |AND |OR )\(\w+:(Person|Collective)\)|\(\w+:(Person|Collective)\) (AND|OR|\|)/.test(text);
      expect({ file, partial }).toEqual({ file, partial: false });
    }
  });

  it('carry the place rollup, the period test and the stored-date guard verbatim where they use them', () => {
    for (const { file, text } of files) {
      if (text.includes('CALL (anchors) {')) {
        expect({ file, rollup: text.includes(ROLLUP_SUBQUERY.trim()) }).toEqual({ file, rollup: true });
      }
      // A stored date is read only through the guard that treats a malformed one as undated.
      for (const line of statementBody(text).split('\n')) {
        for (const [pattern, render] of [
          [/coalesce\(toString\((\w+)\.publishedAt\), \1\.publishedPeriod\)/g, STORY_ON],
          [/coalesce\(toString\((\w+)\.date\), \1\.period\)/g, EVENT_ON],
          [/coalesce\(toString\((\w+)\.date\), toString\(\1\.year\)\)/g, AWARD_ON],
        ] as const) {
          for (const match of line.matchAll(pattern)) {
            expect({ file, guarded: line.includes(render(match[1]!)) }).toEqual({ file, guarded: true });
          }
        }
      }
      if (text.includes("duration('P1Y') - duration('P1D')")) {
        expect({ file, overlap: text.includes(cypherOverlapsPeriod('on')) }).toEqual({ file, overlap: true });
      }
    }
  });
});
