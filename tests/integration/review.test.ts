import { createGraphGazetteer } from '../../src/ingestion/graph/createGraphGazetteer';
import { evalArticle, removeIngested, TEST_URL } from '../support/ingestedFixture';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

const PROPOSAL_FIELDS = `id kind status storyId textVersion current name entityKind relationship
  entity { id name } from { kind id name } to { kind id name } subject { id }
  candidates { id name score } properties { name value } flags { code vi }
  evidence { quote { type exact prefix suffix } position { type start end } extractor { name version } confidence reasons { vi en } }
  decision { decidedBy resultId reason }`;
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  story { id title url publisher publishedAt } text { id version hash text } source created revised
  proposals { ${PROPOSAL_FIELDS} } stats { lookupKeys entries millis } } }`;
const ACCEPT = `mutation($id: ID!, $edits: ProposalEdits) { acceptProposal(id: $id, edits: $edits) {
  proposal { ${PROPOSAL_FIELDS} } written { kind id type fromId toId confidence sources created } alreadyDecided } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectProposal(id: $id, reason: $reason) { proposal { id status decision { reason } } alreadyDecided } }`;
const MERGE = `mutation($keep: ID!, $drop: ID!) { mergeEntities(keepId: $keep, dropId: $drop) {
  keepId dropId entityKind relationshipsMoved relationshipsMerged relationshipsDropped aliasesAdded alreadyMerged } }`;
const LIST = `query($status: ProposalStatus, $storyId: ID, $first: Int, $after: String) {
  proposals(status: $status, storyId: $storyId, first: $first, after: $after) { nodes { id kind status } totalCount hasNextPage endCursor } }`;

type Proposal = {
  id: string;
  kind: string;
  status: string;
  name: string | null;
  relationship: string | null;
  entity: { id: string; name: string } | null;
  from: { kind: string; id: string; name: string | null } | null;
  to: { kind: string; id: string; name: string | null } | null;
  candidates: { id: string }[];
  flags: { code: string }[];
  evidence: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } };
};

let api: TestApi;
let editor: string;
const pai = evalArticle('a02');
const awards = evalArticle('a07');
const article = (path: string, a = pai, extra: Record<string, unknown> = {}) => ({
  url: `${TEST_URL}${path}`,
  title: a.title,
  publisher: 'Báo Thử Nghiệm',
  publishedAt: a.labels.publishedAt,
  text: a.text,
  ...extra,
});

async function ingest(input: Record<string, unknown>, token = editor) {
  return api.graphql(INGEST, { input }, token);
}
async function domainCounts(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await api.graph.read(
    'MATCH (n:Entity) WITH count(n) AS nodes MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS relationships',
  );
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}
const linkTo = (proposals: Proposal[], id: string) => proposals.find((p) => p.kind === 'LINK' && p.entity?.id === id);
const newNamed = (proposals: Proposal[], name: string) => proposals.find((p) => p.kind === 'NEW_ENTITY' && p.name === name);
/** The proposed relationship of a type to an entity, from the entity or new entity named or with that id (any start when null). */
const relation = (proposals: Proposal[], type: string, from: string | null, toId: string) =>
  proposals.find(
    (p) => p.relationship === type && p.to?.id === toId && (from === null || p.from?.name === from || p.from?.id === from),
  );

beforeAll(async () => {
  api = await startTestApi();
  editor = await signToken(['editor']);
  await removeIngested(api.graph);
});
afterAll(async () => {
  await removeIngested(api.graph);
  await api.close();
});

describe('ingestArticle', () => {
  it('is refused without a token and without the editor role, writing nothing', async () => {
    const before = await domainCounts();
    const anonymous = await api.graphql(INGEST, { input: article('refused') });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await ingest(article('refused'), await signToken(['reader']));
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await domainCounts()).toEqual(before);
  });

  it.each([
    ['url', { url: 'ftp://example.org/x' }, 'ftp://example.org/x'],
    ['publishedAt', { publishedAt: '2023-02-30' }, '2023-02-30'],
    ['publisher', { publisher: '  ' }, '  '],
    ['html', { html: '<p>x</p>' }, null],
    ['text', { text: 'a'.repeat(100_001) }, `${'a'.repeat(60)}…`],
    ['html', { text: undefined, html: `<p>${'a'.repeat(1_000_001)}</p>` }, `<p>${'a'.repeat(57)}…`],
  ])('answers BAD_USER_INPUT naming %s and its value, writing nothing', async (field, change, value) => {
    const before = await domainCounts();
    const { status, body } = await ingest({ ...article('bad'), ...change });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: field, value });
    expect(await domainCounts()).toEqual(before);
  });

  it('writes the Story and nothing else, and proposes links with quoted evidence: Thò Mí Ly is the 2023 victim', async () => {
    const before = await domainCounts();
    const { body } = await ingest(article('pai-lung'));
    expect(body.errors).toBeUndefined();
    const result = body.data?.ingestArticle;
    expect(result).toMatchObject({ created: true, revised: false, source: 'TEXT', text: { version: 1 } });
    expect(result.story.id).toMatch(/^story:ha-giang-giai-cuu-thanh-cong/);
    expect(await domainCounts()).toEqual({ nodes: before.nodes + 1, relationships: before.relationships });

    const proposals = result.proposals as Proposal[];
    expect(proposals.every((p) => p.status === 'PENDING')).toBe(true);
    const victim = linkTo(proposals, 'person:thao-mi-ly-2023');
    expect(victim?.evidence.quote.exact).toBe('Thò Mí Ly');
    expect(proposals.some((p) => p.entity?.id === 'person:thao-my-ly-2018')).toBe(false);
    // The selectors point into the stored text.
    const text = result.text.text as string;
    for (const p of proposals) {
      const { start, end } = p.evidence.position;
      expect(text.slice(start, end)).toBe(p.evidence.quote.exact);
      expect(text.slice(0, start).endsWith(p.evidence.quote.prefix)).toBe(true);
    }
    expect(newNamed(proposals, 'Cao Hoài Đức')).toBeDefined();
    expect(relation(proposals, 'TOOK_PART_IN', 'person:thao-mi-ly-2023', 'event:pai-lung-sinkhole-rescue-2023')).toBeDefined();
  });

  it('returns the same proposals for the same URL and text, and for the same text under another URL, writing nothing', async () => {
    const first = (await ingest(article('pai-lung'))).body.data?.ingestArticle;
    const before = await domainCounts();
    const again = (await ingest(article('pai-lung'))).body.data?.ingestArticle;
    const elsewhere = (await ingest(article('pai-lung-copy'))).body.data?.ingestArticle;
    expect(again).toMatchObject({ created: false, revised: false, story: { id: first.story.id } });
    expect(elsewhere).toMatchObject({ created: false, revised: false, story: { id: first.story.id } });
    const ids = (r: { proposals: Proposal[] }) => r.proposals.map((p) => p.id).sort();
    expect(ids(again)).toEqual(ids(first));
    expect(ids(elsewhere)).toEqual(ids(first));
    expect(await domainCounts()).toEqual(before);
  });

  it('keeps a changed text as a new version of the story, its proposals keyed to it', async () => {
    const first = (await ingest(article('revised', pai, { text: `${pai.text}\nBản đầu.` }))).body.data?.ingestArticle;
    const changed = (await ingest(article('revised', pai, { text: `${pai.text}\nBản đầu, đã cập nhật.` }))).body.data
      ?.ingestArticle;
    expect(changed).toMatchObject({ created: false, revised: true, story: { id: first.story.id }, text: { version: 2 } });
    expect(changed.text.hash).not.toBe(first.text.hash);
    const page = await api.graphql(LIST, { storyId: first.story.id, first: 200 }, editor);
    const listed = page.body.data?.proposals.nodes as Proposal[];
    expect(listed.map((p) => p.id).sort()).toEqual((changed.proposals as Proposal[]).map((p) => p.id).sort());
    expect(new Set(listed.map((p) => p.id)).size).toBe(listed.length);
    expect(listed.some((p) => (first.proposals as Proposal[]).some((q) => q.id === p.id))).toBe(false);
  });

  it('reads the main text of an HTML page with Readability', async () => {
    const paragraphs = pai.text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(1)
      .map((l) => `<p>${l}</p>`)
      .join('');
    const html = `<!doctype html><html><head><title>${pai.title} | Báo Thử</title></head><body>
      <nav><a href="/">Trang chủ</a> | <a href="/xa-hoi">Xã hội</a></nav><article><h1>${pai.title}</h1>${paragraphs}</article>
      <footer>Bản quyền thuộc Báo Thử</footer></body></html>`;
    const { body } = await ingest({
      ...article('html'),
      text: undefined,
      title: undefined,
      html: html.replace('</article>', '<p>Bản HTML.</p></article>'),
    });
    expect(body.errors).toBeUndefined();
    const result = body.data?.ingestArticle;
    expect(result.source).toBe('HTML');
    expect(result.story.title).toContain('Giải cứu thành công');
    expect(result.text.text).not.toContain('Trang chủ');
    expect(result.text.text).not.toContain('Bản quyền');
    expect(linkTo(result.proposals, 'person:thao-mi-ly-2023')).toBeDefined();
  });
});

describe('review', () => {
  let proposals: Proposal[];
  let storyId: string;

  beforeAll(async () => {
    // A text of its own (a line added), so it is not the same text as the first story's.
    const result = (await ingest(article('review', pai, { text: `${pai.text}\nBản cho biên tập viên duyệt.` }))).body.data
      ?.ingestArticle;
    if (result.created !== true) throw new Error('expected a new story');
    proposals = result.proposals;
    storyId = result.story.id;
  });

  it('pages the queue by status and story with a cursor', async () => {
    const first = (await api.graphql(LIST, { storyId, status: 'PENDING', first: 10 }, editor)).body.data?.proposals;
    expect(first.nodes).toHaveLength(10);
    expect(first.totalCount).toBe(proposals.length);
    expect(first.hasNextPage).toBe(true);
    const second = (await api.graphql(LIST, { storyId, status: 'PENDING', first: 10, after: first.endCursor }, editor)).body.data
      ?.proposals;
    expect(second.nodes.map((p: Proposal) => p.id)).not.toContain(first.nodes[0].id);
    const bad = await api.graphql(LIST, { after: 'not-a-cursor' }, editor);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect((await api.graphql(LIST, { storyId })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a link: the story FEATURES the entity with the story as source, once', async () => {
    const link = linkTo(proposals, 'place:xa-pai-lung') as Proposal;
    const { body } = await api.graphql(ACCEPT, { id: link.id }, editor);
    expect(body.errors).toBeUndefined();
    const decided = body.data?.acceptProposal;
    expect(decided.proposal).toMatchObject({
      status: 'ACCEPTED',
      decision: { decidedBy: 'test-editor', resultId: 'place:xa-pai-lung' },
    });
    expect(decided.written).toEqual([
      {
        kind: 'RELATIONSHIP',
        id: null,
        type: 'FEATURES',
        fromId: storyId,
        toId: 'place:xa-pai-lung',
        confidence: 'SINGLE_SOURCE',
        sources: [storyId],
        created: true,
      },
    ]);
    const again = (await api.graphql(ACCEPT, { id: link.id }, editor)).body.data?.acceptProposal;
    expect(again).toMatchObject({ alreadyDecided: true, written: [] });
    const rows = await api.graph.read('MATCH (:Story {id: $storyId})-[r:FEATURES]->(:Place {id: $id}) RETURN count(r) AS n', {
      storyId,
      id: 'place:xa-pai-lung',
    });
    expect(rows[0]?.n).toBe(1);
    // The relationship proposal stating the same fact is decided with it.
    const features = relation(proposals, 'FEATURES', null, 'place:xa-pai-lung') as Proposal;
    const listed = (await api.graphql(LIST, { storyId, status: 'ACCEPTED', first: 200 }, editor)).body.data?.proposals.nodes;
    expect(listed.map((p: Proposal) => p.id)).toEqual(expect.arrayContaining([link.id, features.id]));
  });

  it('counts an accepted story in the dashboards at once: the rescue field gains a story that month', async () => {
    const DASHBOARD = `query { fieldDashboard(field: "field:rescue", from: "2023-04-01", to: "2023-04-30") { current { stories { count } } } }`;
    const count = async () => Number((await api.graphql(DASHBOARD)).body.data?.fieldDashboard.current.stories.count);
    const before = await count();
    const rescue = linkTo(proposals, 'event:pai-lung-sinkhole-rescue-2023') as Proposal;
    expect((await api.graphql(ACCEPT, { id: rescue.id }, editor)).body.errors).toBeUndefined();
    // The accept marks the dashboard cube stale before it answers: the next read is live, or the rebuilt cube.
    expect(await count()).toBe(before + 1);
  });

  it('rejects without writing, and refuses a relationship whose end the editor rejected', async () => {
    const before = await domainCounts();
    const link = linkTo(proposals, 'agency:bvdk-huyen-dong-van') as Proposal;
    const rejected = (await api.graphql(REJECT, { id: link.id, reason: 'nhắc qua, không phải chủ thể' }, editor)).body.data
      ?.rejectProposal;
    expect(rejected).toMatchObject({
      proposal: { status: 'REJECTED', decision: { reason: 'nhắc qua, không phải chủ thể' } },
      alreadyDecided: false,
    });
    expect(await domainCounts()).toEqual(before);
    const treated = relation(
      proposals,
      'TOOK_PART_IN',
      'Bệnh viện Đa khoa huyện Đồng Văn',
      'event:pai-lung-sinkhole-rescue-2023',
    ) as Proposal;
    const refused = await api.graphql(ACCEPT, { id: treated.id }, editor);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', value: 'agency:bvdk-huyen-dong-van' });
    const empty = await api.graphql(REJECT, { id: treated.id, reason: ' ' }, editor);
    expect(empty.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
  });

  it('creates a new person with a slug id, indexed by name, then writes the relationship that needed it', async () => {
    const took = relation(proposals, 'TOOK_PART_IN', 'Cao Hoài Đức', 'event:pai-lung-sinkhole-rescue-2023') as Proposal;
    const early = await api.graphql(ACCEPT, { id: took.id }, editor);
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', value: took.from?.id });

    const person = newNamed(proposals, 'Cao Hoài Đức') as Proposal;
    const created = (await api.graphql(ACCEPT, { id: person.id }, editor)).body.data?.acceptProposal;
    expect(created.written[0]).toMatchObject({
      kind: 'NODE',
      id: 'person:cao-hoai-duc',
      confidence: 'SINGLE_SOURCE',
      sources: [storyId],
    });
    expect(created.written[1]).toMatchObject({ type: 'FEATURES', fromId: storyId, toId: 'person:cao-hoai-duc' });
    const found = await createGraphGazetteer(api.graph).lookup(['cao hoai duc']);
    expect(found.map((e) => e.id)).toEqual(['person:cao-hoai-duc']);
    // The accepted fact has its history: who accepted it, by which decision, on which story.
    const HISTORY = `query($id: ID!) { history(id: $id) { revisions { actor operation source change
      relationships { change type otherId } } } }`;
    const history = (await api.graphql(HISTORY, { id: 'person:cao-hoai-duc' }, editor)).body.data?.history.revisions;
    expect(history).toEqual([
      {
        actor: 'test-editor',
        operation: 'acceptProposal',
        source: storyId,
        change: 'CREATE',
        relationships: [{ change: 'ADDED', type: 'FEATURES', otherId: storyId }],
      },
    ]);

    const written = (await api.graphql(ACCEPT, { id: took.id, edits: { role: 'tham gia cứu hộ' } }, editor)).body.data
      ?.acceptProposal;
    expect(written.written).toEqual([
      expect.objectContaining({
        type: 'TOOK_PART_IN',
        fromId: 'person:cao-hoai-duc',
        toId: 'event:pai-lung-sinkhole-rescue-2023',
        created: true,
      }),
    ]);
    const [role] = await api.graph.read(
      'MATCH (:Person {id: "person:cao-hoai-duc"})-[r:TOOK_PART_IN]->(:Event {id: "event:pai-lung-sinkhole-rescue-2023"}) RETURN r.role AS role',
    );
    expect(role?.role).toBe('tham gia cứu hộ');
  });

  it('confirms a fact when a story of another publisher supports it, and not for the same publisher', async () => {
    const took = (input: Record<string, unknown>) =>
      ingest(input).then(({ body }) => {
        const ps = body.data?.ingestArticle.proposals as Proposal[];
        // Cao Hoài Đức is in the graph now: the other stories link to him.
        expect(linkTo(ps, 'person:cao-hoai-duc')).toBeDefined();
        return ps.find((p) => p.relationship === 'TOOK_PART_IN' && p.from?.id === 'person:cao-hoai-duc') as Proposal;
      });
    const samePublisher = await took(article('same-publisher', pai, { text: `${pai.text}\nCùng tòa soạn đưa tin.` }));
    const same = (await api.graphql(ACCEPT, { id: samePublisher.id }, editor)).body.data?.acceptProposal;
    expect(same.written[0]).toMatchObject({ created: false, confidence: 'SINGLE_SOURCE' });
    const other = await took(
      article('other-publisher', pai, { text: `${pai.text}\nTòa soạn khác đưa tin.`, publisher: 'Báo Khác' }),
    );
    const confirmed = (await api.graphql(ACCEPT, { id: other.id }, editor)).body.data?.acceptProposal;
    expect(confirmed.written[0]).toMatchObject({ created: false, confidence: 'CONFIRMED' });
    expect(confirmed.written[0].sources).toHaveLength(3);
  });

  it('needs the editor to choose among candidates for an ambiguous name', async () => {
    const text = 'Phóng viên hỏi về trường hợp mang tên Thào Mý Ly.';
    const result = (await ingest({ ...article('ambiguous'), title: 'Một câu hỏi', text, publishedAt: '2024-05-02' })).body.data
      ?.ingestArticle;
    const ambiguous = (result.proposals as Proposal[]).find((p) => p.kind === 'AMBIGUOUS') as Proposal;
    expect(ambiguous.candidates.map((c) => c.id).sort()).toEqual(['person:thao-mi-ly-2023', 'person:thao-my-ly-2018']);
    const none = await api.graphql(ACCEPT, { id: ambiguous.id }, editor);
    expect(none.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'edits.targetId' });
    const other = await api.graphql(ACCEPT, { id: ambiguous.id, edits: { targetId: 'person:nguyen-van-truong' } }, editor);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', value: 'person:nguyen-van-truong' });
    const chosen = (await api.graphql(ACCEPT, { id: ambiguous.id, edits: { targetId: 'person:thao-mi-ly-2023' } }, editor)).body
      .data?.acceptProposal;
    expect(chosen.proposal).toMatchObject({ status: 'ACCEPTED', decision: { resultId: 'person:thao-mi-ly-2023' } });
    const wrongEdit = await api.graphql(ACCEPT, { id: ambiguous.id, edits: { role: 'x' } }, editor);
    expect(wrongEdit.body.data?.acceptProposal.alreadyDecided).toBe(true);
  });
});

describe('awards and merges (a synthetic article: invented people and decisions)', () => {
  let proposals: Proposal[];

  beforeAll(async () => {
    const result = (await ingest({ ...article('awards', awards), publisher: 'Báo Thử Khen Thưởng' })).body.data?.ingestArticle;
    proposals = result.proposals;
  });

  it('flags a Bằng khen from Công an tỉnh and accepts it only with an explicit override', async () => {
    const flagged = proposals.find(
      (p) => p.kind === 'NEW_ENTITY' && p.flags.some((f) => f.code === 'ISSUER_MAY_NOT_CONFER'),
    ) as Proposal;
    expect(flagged.name).toBe('Bằng khen');
    const refused = await api.graphql(ACCEPT, { id: flagged.id }, editor);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'edits.overrideConferral',
    });
    const accepted = (await api.graphql(ACCEPT, { id: flagged.id, edits: { overrideConferral: true } }, editor)).body.data
      ?.acceptProposal;
    expect(accepted.written[0]).toMatchObject({ kind: 'NODE', id: 'award:bang-khen', created: true });
    const [award] = await api.graph.read(
      'MATCH (a:Award {id: "award:bang-khen"}) RETURN a.form AS form, a.category AS category, a.recipientsResolved AS resolved',
    );
    expect(award).toEqual({ form: 'BANG_KHEN', category: 'STATE', resolved: false });
  });

  it('refuses an edit that does not apply or a value the domain does not know', async () => {
    const person = newNamed(proposals, 'Lý Văn Sơn') as Proposal;
    const role = await api.graphql(ACCEPT, { id: person.id, edits: { role: 'x' } }, editor);
    expect(role.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'edits.role' });
    const level = await api.graphql(ACCEPT, { id: person.id, edits: { entityKind: 'AGENCY', level: 'GALAXY' } }, editor);
    expect(level.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'edits.level',
      value: 'GALAXY',
    });
    const kindless = await api.graphql(ACCEPT, { id: person.id, edits: { entityKind: 'COLLECTIVE' } }, editor);
    expect(kindless.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'edits.kind' });
  });

  it('merges two people: relationships and names move, the dropped id resolves to the kept one; refuses different kinds', async () => {
    for (const name of ['Lý Văn Sơn', 'Ma Văn Đông']) {
      await api.graphql(ACCEPT, { id: (newNamed(proposals, name) as Proposal).id }, editor);
    }
    const member = proposals.find((p) => p.relationship === 'MEMBER_OF' && p.from?.name === 'Ma Văn Đông') as Proposal;
    await api.graphql(ACCEPT, { id: member.id }, editor);

    const kinds = await api.graphql(MERGE, { keep: 'person:ly-van-son', drop: 'place:xa-pa-vi' }, editor);
    expect(kinds.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'dropId' });
    const merged = (await api.graphql(MERGE, { keep: 'person:ly-van-son', drop: 'person:ma-van-dong' }, editor)).body.data
      ?.mergeEntities;
    expect(merged).toMatchObject({
      entityKind: 'PERSON',
      // MEMBER_OF moves; both were featured by the story, so FEATURES is combined into the kept one's.
      relationshipsMoved: 1,
      relationshipsMerged: 1,
      aliasesAdded: ['Ma Văn Đông'],
      alreadyMerged: false,
    });
    const again = (await api.graphql(MERGE, { keep: 'person:ly-van-son', drop: 'person:ma-van-dong' }, editor)).body.data
      ?.mergeEntities;
    expect(again).toMatchObject({ alreadyMerged: true, relationshipsMoved: 1, relationshipsMerged: 1 });
    const [kept] = await api.graph.read(
      `MATCH (p:Person {id: 'person:ly-van-son'}) RETURN p.aliases AS aliases, COUNT { (p)-[:MEMBER_OF]->(:Agency {id: 'agency:ca-huyen-meo-vac'}) } AS member,
       EXISTS { MATCH (:Person {id: 'person:ma-van-dong'}) } AS dropped`,
    );
    expect(kept).toEqual({ aliases: ['Ma Văn Đông'], member: 1, dropped: false });
    // A pending proposal about the dropped person now writes onto the kept one.
    const took = proposals.find((p) => p.relationship === 'TOOK_PART_IN' && p.from?.name === 'Ma Văn Đông') as Proposal;
    const written = (await api.graphql(ACCEPT, { id: took.id }, editor)).body.data?.acceptProposal;
    expect(written.written[0]).toMatchObject({ fromId: 'person:ly-van-son', toId: 'event:ha-giang-floods-2024' });
    expect((await createGraphGazetteer(api.graph).lookup(['ma van dong'])).map((e) => e.id)).toEqual(['person:ly-van-son']);
  });
});

describe('conferral authority', () => {
  const RULES = `query($form: AwardForm!, $level: AwardLevel, $on: String) { conferralAuthority(form: $form, level: $level, on: $on) { issuer issuerName validTo basis } }`;
  const BY = `query($issuerId: ID, $level: AgencyLevel, $kind: AgencyKind, $on: String) {
    conferrableBy(issuerId: $issuerId, level: $level, kind: $kind, on: $on) { issuer issuerName agency { id } rules { form level } } }`;

  it('answers who may confer a form, without the district level after 30 June 2025', async () => {
    const before = (await api.graphql(RULES, { form: 'GIAY_KHEN', on: '2025-06-30' })).body.data?.conferralAuthority;
    const after = (await api.graphql(RULES, { form: 'GIAY_KHEN', on: '2025-08-01' })).body.data?.conferralAuthority;
    expect(before.map((r: { issuer: string }) => r.issuer)).toContain('DISTRICT_CHAIR');
    expect(after.map((r: { issuer: string }) => r.issuer)).not.toContain('DISTRICT_CHAIR');
    const bad = await api.graphql(RULES, { form: 'GIAY_KHEN', on: '2025-13-01' });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'on' });
  });

  it('answers what an issuer may confer, by agency or by level and kind', async () => {
    const district = (await api.graphql(BY, { issuerId: 'agency:ubnd-huyen-meo-vac', on: '2024-05-01' })).body.data
      ?.conferrableBy;
    expect(district).toMatchObject({ issuer: 'DISTRICT_CHAIR', agency: { id: 'agency:ubnd-huyen-meo-vac' } });
    expect(district.rules.map((r: { form: string }) => r.form)).toEqual(
      expect.arrayContaining(['GIAY_KHEN', 'LAO_DONG_TIEN_TIEN']),
    );
    const province = (await api.graphql(BY, { level: 'PROVINCE', kind: 'PEOPLES_COMMITTEE' })).body.data?.conferrableBy;
    expect(province.issuer).toBe('PROVINCE_CHAIR');
    expect(province.rules.map((r: { form: string }) => r.form)).toContain('BANG_KHEN');
    const unknown = await api.graphql(BY, { issuerId: 'agency:none' });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
