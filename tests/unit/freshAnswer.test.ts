import { asksForFreshAnswer } from '../../src/server/freshAnswer';

describe('asksForFreshAnswer', () => {
  it.each([
    [{ 'cache-control': 'no-cache' }, true],
    [{ 'cache-control': 'max-age=0, No-Cache' }, true],
    [{ 'cache-control': 'no-store' }, true],
    [{ pragma: 'no-cache' }, true],
    [{ 'cache-control': 'max-age=0' }, false],
    [{ 'cache-control': 'no-cache-please' }, false],
    [{}, false],
  ])('reads %j as %s', (headers, fresh) => {
    expect(asksForFreshAnswer(headers)).toBe(fresh);
  });
});
