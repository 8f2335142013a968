import type { ExportGraph } from '../../src/exports/exportGraph';

/**
 * A small view as the explorer would hand it to the writers, built from DOMAIN.md facts (the 2020
 * Lô river rescue by Đào Quang Vinh in Hà Giang city, the province until 30 June 2025, the merged
 * Tuyên Quang from 1 July 2025), plus one node whose name holds every character a file format must
 * escape: quotes, a comma, a line break and <&>.
 */
export const TRICKY_NAME = 'Bằng khen "Tuổi trẻ dũng cảm", lần 1\n<trao tặng> & vinh danh';

export const FIXTURE: ExportGraph = {
  nodes: [
    {
      id: 'person:dao-quang-vinh',
      kind: 'PERSON',
      name: 'Đào Quang Vinh',
      confidence: 'CONFIRMED',
      pageRank: 0.31,
      betweenness: 0.5,
      degree: 2,
      community: 0,
      x: 10.5,
      y: -3,
    },
    {
      id: 'event:cuu-nguoi-song-lo-2020',
      kind: 'EVENT',
      name: 'Cứu người trên sông Lô',
      start: '2020-10',
      pageRank: 0.27,
      community: 0,
      attributes: { hops: 1 },
    },
    {
      id: 'award:tricky',
      kind: 'AWARD',
      name: TRICKY_NAME,
      start: '2020-11-20',
      pageRank: 0.12,
      community: 1,
      attributes: { hops: 2, posthumous: false },
    },
    { id: 'place:tinh-ha-giang', kind: 'PLACE', name: 'tỉnh Hà Giang', end: '2025-06-30', pageRank: 0.2, community: 1 },
    { id: 'place:tinh-tuyen-quang', kind: 'PLACE', name: 'tỉnh Tuyên Quang', start: '2025-07-01', pageRank: 0.1, community: 1 },
  ],
  edges: [
    { source: 'person:dao-quang-vinh', target: 'event:cuu-nguoi-song-lo-2020', type: 'TOOK_PART_IN', confidence: 'CONFIRMED' },
    { source: 'person:dao-quang-vinh', target: 'award:tricky', type: 'RECEIVED', start: '2020-11-20' },
    { source: 'event:cuu-nguoi-song-lo-2020', target: 'place:tinh-ha-giang', type: 'OCCURRED_IN' },
    {
      source: 'place:tinh-ha-giang',
      target: 'place:tinh-tuyen-quang',
      type: 'SUCCEEDED_BY',
      start: '2025-07-01',
      attributes: { instrument: 'Nghị quyết 202/2025/QH15' },
    },
  ],
};
