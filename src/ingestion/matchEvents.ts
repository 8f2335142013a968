import type { ArticleContext, Sighting } from './articleContext';
import { evidenceWeight } from './evidenceWeight';
import { EVENT_KIND_CUES, EVENT_REFERENCE_CUES, hasKindCue } from './eventKindCues';
import { foldKey } from './foldKey';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { dateAgreement } from './partialDate';
import { type Reason, reason } from './reason';
import { vietnameseDate } from './vietnameseLabels';

/** An event of the graph the article tells of, with the sentence that says the most about it. */
export interface EventMatch {
  readonly entry: GazetteerEntry;
  readonly score: number;
  readonly sentence: number;
  readonly reasons: readonly Reason[];
  /** Sentences that refer to it by its name, place, date or (when it is the only one of its kind) its kind. */
  readonly sentences: ReadonlySet<number>;
  /** Where the text refers to it, as ranges: the clauses holding these are about it. */
  readonly anchors: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

/**
 * Given the gazetteer and the article context, returns the events of the graph the article tells
 * of. Candidates are the events of everything the article names; each needs two of three
 * independent signals: its date written in the text (the same day, or the same month for an event
 * known by its month), its place named (a district or finer), its participants named; or its date
 * and a word for its kind ("mưa lũ", "lễ công bố") with any of its places or participants. An
 * event named by its own name counts as matched.
 */
export async function matchEvents(gazetteer: Gazetteer, context: ArticleContext): Promise<EventMatch[]> {
  const sighted = [...context.sightings.values()]
    .map((list) => list[0]?.entry)
    .filter((e): e is GazetteerEntry => e !== undefined);
  const ids = new Set<string>();
  for (const entry of sighted) {
    if (entry.label === 'Event') ids.add(entry.id);
    for (const id of entry.context.eventIds) ids.add(id);
  }
  const events = (await gazetteer.byIds([...ids])).filter((e) => e.label === 'Event');
  const sentenceText = context.prepared.sentences.map((s) => foldKey(context.prepared.text.slice(s.start, s.end)));
  const matches: EventMatch[] = [];
  for (const event of events) {
    const match = scoreEvent(event, context, sentenceText);
    if (match) matches.push(match);
  }
  const sameKind = (kind: string | undefined) => matches.filter((m) => m.entry.kind === kind).length;
  return matches.map((m) => {
    if (sameKind(m.entry.kind) !== 1) return m;
    const cues = cueRanges(context, m.entry.kind, matches.length === 1);
    return { ...m, sentences: new Set([...m.sentences, ...cues.map((c) => c.sentence)]), anchors: [...m.anchors, ...cues] };
  });
}

/** Ranges of the kind's cue words in the text (and of "vụ việc", "hiện trường" when the article tells of one event only), with their sentence. */
function cueRanges(
  context: ArticleContext,
  kind: string | undefined,
  onlyEvent: boolean,
): Array<{ start: number; end: number; sentence: number }> {
  const cues = [...((kind ? EVENT_KIND_CUES[kind] : undefined) ?? []), ...(onlyEvent ? EVENT_REFERENCE_CUES : [])];
  const ranges: Array<{ start: number; end: number; sentence: number }> = [];
  for (const sentence of context.prepared.sentences) {
    const words = sentence.tokens.map((t) => t.folded);
    for (const cue of cues) {
      const parts = cue.split(' ');
      for (let i = 0; i + parts.length <= words.length; i += 1) {
        if (!parts.every((p, k) => words[i + k] === p)) continue;
        ranges.push({
          start: sentence.tokens[i]?.start ?? 0,
          end: sentence.tokens[i + parts.length - 1]?.end ?? 0,
          sentence: sentence.index,
        });
      }
    }
  }
  return ranges;
}

function scoreEvent(event: GazetteerEntry, context: ArticleContext, sentenceText: readonly string[]): EventMatch | undefined {
  const reasons: Reason[] = [];
  const local = new Map<number, number>();
  const bump = (sentence: number, points: number) => local.set(sentence, (local.get(sentence) ?? 0) + points);
  const named = context.sightings.get(event.id);
  if (named?.[0]) reasons.push(reason('tên sự kiện được nêu trong bài', 'the event is named'));

  let date = 0;
  if (event.date) {
    for (const written of context.dates) {
      const agreement = dateAgreement(event.date, written.value);
      // The month alone says little of an event known to the day.
      const points = agreement === 2 && event.date.length === 10 ? 1 : ([0, 0.5, 2, 3][agreement] ?? 0);
      if (points >= 2) bump(written.sentence, 2);
      if (points > date) date = points;
    }
    if (date >= 2) reasons.push(reason(`trùng thời gian ${vietnameseDate(event.date)}`, `the date ${event.date} is written`));
  }
  const yearAgrees = !event.date || date > 0 || event.date.slice(0, 4) === context.publishedAt.slice(0, 4);

  let place = 0;
  const placeNames: string[] = [];
  const placeSightings = event.context.directPlaceIds.flatMap((id) =>
    (context.sightings.get(id) ?? []).filter((s) => !insideUnitName(s, context)),
  );
  for (const s of placeSightings) {
    const weight = evidenceWeight(s.entry);
    if (weight >= 1) bump(s.sentence, 1.5);
    if (weight > place) place = weight;
    if (weight >= 1 && !placeNames.includes(s.entry.name)) placeNames.push(s.entry.name);
  }
  if (place >= 1) reasons.push(reason(`cùng địa điểm ${placeNames.join(', ')}`, `its place is named (${placeNames.join(', ')})`));

  let people = 0;
  const who: string[] = [];
  const participantSentences = new Set<number>();
  for (const id of [...event.context.personIds, ...event.context.agencyIds]) {
    const sightings = context.sightings.get(id) ?? [];
    const first = sightings[0];
    if (!first) continue;
    people += first.entry.label === 'Person' ? 2 : Math.min(1, evidenceWeight(first.entry));
    for (const s of sightings) {
      bump(s.sentence, 1);
      if (first.entry.label === 'Person') participantSentences.add(s.sentence);
    }
    who.push(first.entry.name);
  }
  people = Math.min(4, people);
  if (people > 0) {
    reasons.push(reason(`cùng người, đơn vị tham gia: ${who.join(', ')}`, `its participants are named (${who.join(', ')})`));
  }

  const cueSentences = sentenceText.flatMap((text, i) => (hasKindCue(text, event.kind) ? [i] : []));
  const strong = [date >= 2, place >= 1, people >= 2].filter(Boolean).length;
  // A province-wide event (floods, a ceremony of the provincial police) has no finer place: its
  // date and a word for its kind in one sentence, with any of its places or a participant below the
  // central level, are enough.
  const dateSentences = context.dates
    .filter((d) => event.date && dateAgreement(event.date, d.value) >= (event.date.length === 10 ? 3 : 2))
    .map((d) => d.sentence);
  const dateAndKind = dateSentences.some((i) => cueSentences.includes(i)) && (place > 0 || people >= 0.75);
  // A person of the event named in a sentence that says what kind of event it was, when no date
  // in the article contradicts the event's year ("hy sinh trong khi truy bắt tội phạm").
  const deedAndKind = people >= 2 && yearAgrees && cueSentences.some((i) => participantSentences.has(i));
  if (!named && strong < 2 && !dateAndKind && !deedAndKind) return undefined;
  for (const i of cueSentences) bump(i, 1);
  if (cueSentences.length > 0) {
    reasons.push(reason('bài có từ chỉ đúng loại sự kiện', 'the article uses words for this kind of event'));
  }
  const [sentence] = [...local.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [named?.[0]?.sentence ?? 0];
  const anchors: Array<{ start: number; end: number; sentence: number }> = [];
  for (const written of context.dates) if (event.date && dateAgreement(event.date, written.value) >= 2) anchors.push(written);
  // Participants are not anchors: a unit named for another deed is not in this event.
  for (const s of [...placeSightings.filter((p) => evidenceWeight(p.entry) >= 1), ...(named ?? [])]) anchors.push(s);
  if (deedAndKind) {
    for (const s of [...event.context.personIds].flatMap((id) => context.sightings.get(id) ?? [])) {
      if (cueSentences.includes(s.sentence)) anchors.push(s);
    }
  }
  const refers = new Set(anchors.map((a) => a.sentence));
  return {
    entry: event,
    score: date + place + people + (cueSentences.length > 0 ? 1 : 0) + (named ? 3 : 0),
    sentence,
    reasons,
    sentences: refers,
    anchors,
  };
}

/** A place named only inside a unit's name ("huyện Yên Minh" in "Công an huyện Yên Minh") does not say where something happened. */
function insideUnitName(sighting: Sighting, context: ArticleContext): boolean {
  for (const list of context.sightings.values()) {
    for (const other of list) {
      if (other.entry.label !== 'Agency' || other.sentence !== sighting.sentence) continue;
      if (other.start <= sighting.start && sighting.end <= other.end && other.end - other.start > sighting.end - sighting.start) {
        return true;
      }
    }
  }
  return false;
}
