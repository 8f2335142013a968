import { foldKey } from './foldKey';

/** Words that tell what kind of event a sentence is about (EVENT_KIND), folded. */
export const EVENT_KIND_CUES: Readonly<Record<string, readonly string[]>> = {
  RESCUE: [
    'cứu nạn',
    'cứu hộ',
    'cứu người',
    'giải cứu',
    'tìm kiếm',
    'CNCH',
    'hố sụt',
    'hang sâu',
    'rơi xuống',
    'đuối nước',
    'đưa thi thể',
    'cứu sống',
  ].map(foldKey),
  LAW_ENFORCEMENT: ['truy bắt', 'vây bắt', 'truy nã', 'bắt giữ', 'tội phạm', 'kíp nổ', 'đối tượng'].map(foldKey),
  DISASTER: ['sạt lở', 'lũ quét', 'mưa lũ', 'thiên tai', 'lũ lụt', 'nước lũ', 'trận lũ', 'lũ'].map(foldKey),
  CONGRESS: ['đại hội'].map(foldKey),
  CONFERENCE: ['hội nghị'].map(foldKey),
  CEREMONY: ['lễ công bố', 'lễ kỷ niệm', 'kỷ niệm', 'lễ trao'].map(foldKey),
  REVIEW_CONFERENCE: ['sơ kết', 'tổng kết'].map(foldKey),
};

/** Words that refer back to the event a story is about, whatever its kind ("vụ việc", "hiện trường", "nạn nhân"). */
export const EVENT_REFERENCE_CUES: readonly string[] = [
  'vụ việc',
  'sự việc',
  'hiện trường',
  'vụ tai nạn',
  'cuộc giải cứu',
  'nạn nhân',
].map(foldKey);

/** Given a folded sentence, returns whether it carries a cue for the kind. */
export function hasKindCue(foldedSentence: string, kind: string | undefined): boolean {
  const cues = kind ? EVENT_KIND_CUES[kind] : undefined;
  return cues !== undefined && cues.some((cue) => ` ${foldedSentence} `.includes(` ${cue} `));
}
