import { listPage } from '../../src/analytics/movement/pageImpact';

describe('listPage', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  it('lists everything when no size is asked, from the offset', () => {
    expect(listPage(items, { offset: 0, first: null })).toEqual(items);
    expect(listPage(items, { offset: 3, first: null })).toEqual(['d', 'e']);
  });
  it('lists at most `first` items, and pages put together give the whole list', () => {
    const pages = [0, 2, 4].map((offset) => listPage(items, { offset, first: 2 }));
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(pages.flat()).toEqual(items);
    expect(listPage(items, { offset: 9, first: 2 })).toEqual([]);
  });
});
