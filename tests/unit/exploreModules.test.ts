import * as LZString from 'lz-string';
import { checkViewState } from '../../src/views/viewState';
import { loadBrowserModule } from '../support/browserModule';

/** The explorer's pure modules, run as the page runs them. */
interface View {
  fromYear: number;
  toYear: number;
  hierarchy: 'auto' | 'then' | 'now' | 'all';
}
interface Dated {
  kind?: string;
  type?: string;
  start?: string | null;
  end?: string | null;
}
const time = loadBrowserModule<{
  hierarchyDay(v: View): string | null;
  hierarchyReading(v: View): string;
  nodeVisible(n: Dated, v: View): boolean;
  edgeVisible(e: Dated, v: View): boolean;
  yearSpan(nodes: Dated[], edges: Dated[]): { min: number; max: number } | null;
  lastDay(p: string): string | null;
}>('explore-time.js', 'ExploreTime');
const history = loadBrowserModule<{
  createHistory(limit?: number): {
    record(s: unknown): void;
    undo(): unknown;
    redo(): unknown;
    canUndo(): boolean;
    canRedo(): boolean;
    present(): unknown;
  };
}>('explore-history.js', 'ExploreHistory');
const state = loadBrowserModule<{ encode(s: unknown): string; decode(t: string): Record<string, unknown> | null }>(
  'explore-state.js',
  'ExploreState',
  { LZString },
);

const view = (fromYear: number, toYear: number, hierarchy: View['hierarchy'] = 'auto'): View => ({ fromYear, toYear, hierarchy });
// Facts from seeds/: the Pải Lủng rescue (2023-04-03), the 2024 Mèo Vạc flood rescue, xã Pải Lủng (until 2025-06-30),
// the merged Tuyên Quang (from 2025-07-01), Lưu Minh Thức's membership (until 2018-02-17).
const rescue2023 = { kind: 'EVENT', start: '2023-04-03' };
const flood2024 = { kind: 'EVENT', start: '2024-06-10' };
const landslide = { kind: 'EVENT', start: '2024-07' };
const paiLung = { kind: 'PLACE', end: '2025-06-30' };
const tuyenQuang = { kind: 'PLACE', start: '2025-07-01' };
const commune = { type: 'PART_OF', end: '2025-06-30' };

describe('ExploreTime', () => {
  it('hides a 2024 event when the years end in 2020, and shows it again up to 2024', () => {
    expect(time.nodeVisible(flood2024, view(2018, 2020))).toBe(false);
    expect(time.nodeVisible(flood2024, view(2018, 2024))).toBe(true);
    expect(time.nodeVisible(rescue2023, view(2024, 2024))).toBe(false);
  });

  it('reads a month as the whole month and an undated person as always there', () => {
    expect(time.nodeVisible(landslide, view(2024, 2024))).toBe(true);
    expect(time.lastDay('2024-02')).toBe('2024-02-29');
    expect(time.nodeVisible({ kind: 'PERSON' }, view(1990, 1990))).toBe(true);
  });

  it('switches the place hierarchy from then to now when the years pass the 2025 merger', () => {
    expect(time.hierarchyReading(view(2018, 2024))).toBe('then');
    expect(time.nodeVisible(paiLung, view(2018, 2024))).toBe(true);
    expect(time.nodeVisible(tuyenQuang, view(2018, 2024))).toBe(false);
    expect(time.edgeVisible(commune, view(2018, 2024))).toBe(true);
    expect(time.hierarchyReading(view(2018, 2026))).toBe('now');
    expect(time.nodeVisible(paiLung, view(2018, 2026))).toBe(false);
    expect(time.nodeVisible(tuyenQuang, view(2018, 2026))).toBe(true);
    expect(time.edgeVisible(commune, view(2018, 2026))).toBe(false);
  });

  it('holds the hierarchy on one side when asked, or shows every unit of the years', () => {
    expect(time.hierarchyDay(view(2018, 2026, 'then'))).toBe('2025-06-30');
    expect(time.nodeVisible(paiLung, view(2018, 2026, 'then'))).toBe(true);
    expect(time.hierarchyDay(view(2018, 2020, 'now'))).toBe('2025-07-01');
    expect(time.nodeVisible(tuyenQuang, view(2018, 2020, 'now'))).toBe(true);
    expect(time.nodeVisible(paiLung, view(2018, 2026, 'all'))).toBe(true);
    expect(time.nodeVisible(tuyenQuang, view(2018, 2026, 'all'))).toBe(true);
    expect(time.nodeVisible(tuyenQuang, view(2018, 2024, 'all'))).toBe(false);
  });

  it('shows a membership while it overlaps the years and a succession whenever its ends are shown', () => {
    const membership = { type: 'MEMBER_OF', end: '2018-02-17' };
    expect(time.edgeVisible(membership, view(2017, 2018))).toBe(true);
    expect(time.edgeVisible(membership, view(2019, 2024))).toBe(false);
    expect(time.edgeVisible({ type: 'SUCCEEDED_BY', start: '2025-07-01' }, view(2018, 2020))).toBe(true);
  });

  it('spans the years of dated facts, leaving the hierarchy out', () => {
    expect(time.yearSpan([rescue2023, flood2024, paiLung, { kind: 'PLACE', start: '1962-12-15' }], [commune])).toEqual({
      min: 2023,
      max: 2024,
    });
    expect(time.yearSpan([{ kind: 'PERSON' }], [])).toBeNull();
  });
});

describe('ExploreHistory', () => {
  it('undoes and redoes in order, and a new step clears what could be redone', () => {
    const h = history.createHistory(10);
    h.record('a');
    h.record('b');
    h.record('c');
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe('b');
    h.record('d');
    expect(h.canRedo()).toBe(false);
    expect(h.undo()).toBe('b');
    expect(h.present()).toBe('b');
  });

  it('keeps at most its limit of steps', () => {
    const h = history.createHistory(2);
    for (const s of ['a', 'b', 'c', 'd']) h.record(s);
    expect(h.undo()).toBe('c');
    expect(h.undo()).toBe('b');
    expect(h.canUndo()).toBe(false);
  });
});

describe('ExploreState', () => {
  const full = {
    nodes: [
      { id: 'event:pai-lung-sinkhole-rescue-2023', x: 10.4, y: -20.6 },
      { id: 'person:nguyen-van-truong', x: 0, y: 0 },
    ],
    fromYear: 2018,
    toYear: 2024,
    hierarchy: 'then',
    hiddenKinds: ['STORY'],
    hiddenConfidence: ['UNVERIFIED'],
    field: 'field:rescue',
    province: 'place:tinh-ha-giang',
    measure: 'betweenness',
  };

  it('round-trips a state through its compressed text, positions rounded', () => {
    const text = state.encode(full);
    expect(text).toMatch(/^[A-Za-z0-9+\-$]+$/);
    expect(state.decode(text)).toEqual({
      ...full,
      nodes: [
        { id: full.nodes[0]!.id, x: 10, y: -21 },
        { id: full.nodes[1]!.id, x: 0, y: 0 },
      ],
    });
  });

  it('is what the server accepts as a saved view, and refuses anything else', () => {
    expect(checkViewState(state.encode(full))).toBe(state.encode(full));
    expect(state.decode('garbage')).toBeNull();
    expect(state.decode(LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, nodes: [] })))).toBeNull();
  });

  it('compresses a 300-node view into a URL of reasonable length', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `person:synthetic-${i}`, x: i * 3.3, y: i * -1.7 }));
    expect(state.encode({ ...full, nodes }).length).toBeLessThan(JSON.stringify(nodes).length / 2);
  });
});
