import { isoDate, type PartialDate } from './partialDate';
import type { PreparedText } from './preparedText';

/** A date written in the text, resolved to an ISO date as precise as the text is. */
export interface DateMention {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: PartialDate;
  /** The last day of a range ("ngày 9-10/6/2024"), when the text gives one. */
  readonly until?: PartialDate;
  /** True when the year was not written and came from the publication date. */
  readonly yearInferred: boolean;
}

/** A day and month without a year is only a date after one of these words ("sáng 3/4"), never alone ("3/4 số hộ"). */
const DAY_CUE = String.raw`(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng sáng|mùng|từ|đến|vào)`;
const SEP = String.raw`[/.\-]`;

interface Rule {
  readonly pattern: RegExp;
  readonly read: (
    m: RegExpExecArray,
    year: (month: number, day: number) => number | undefined,
  ) => Omit<DateMention, 'sentence' | 'start' | 'end' | 'text'> | undefined;
}

const whole = (y: number, m: number, d: number) => isoDate(y, m, d);

/** Tried in order; a later rule never matches inside an earlier match. */
const RULES: readonly Rule[] = [
  {
    // ngày 9-10/6/2024: a range of days in one month
    pattern: new RegExp(String.raw`\b(\d{1,2})\s?[-–]\s?(\d{1,2})${SEP}(\d{1,2})${SEP}(\d{4})\b`, 'giu'),
    read: (m) => {
      const [from, to, month, year] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      const value = whole(year, month, from);
      const until = whole(year, month, to);
      return value && until && to > from ? { value, until, yearInferred: false } : undefined;
    },
  },
  {
    // 3/4/2023, 03-4-2023, 3.4.2023
    pattern: new RegExp(String.raw`(?<![\d/])(\d{1,2})${SEP}(\d{1,2})${SEP}(\d{4})\b`, 'giu'),
    read: (m) => {
      const value = whole(Number(m[3]), Number(m[2]), Number(m[1]));
      return value ? { value, yearInferred: false } : undefined;
    },
  },
  {
    // ngày 3 tháng 4 năm 2023, ngày 3 tháng 4
    pattern: /\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu,
    read: (m, year) => {
      const [day, month] = [Number(m[1]), Number(m[2])];
      const y = m[3] ? Number(m[3]) : year(month, day);
      const value = y === undefined ? undefined : whole(y, month, day);
      return value ? { value, yearInferred: !m[3] } : undefined;
    },
  },
  {
    // sáng 3/4, ngày 17-2: a cue word, then day and month
    pattern: new RegExp(String.raw`(?<=\b${DAY_CUE}\s+)(\d{1,2})${SEP}(\d{1,2})(?![\d/.\-])`, 'giu'),
    read: (m, year) => {
      const [day, month] = [Number(m[1]), Number(m[2])];
      const y = year(month, day);
      const value = y === undefined ? undefined : whole(y, month, day);
      return value ? { value, yearInferred: true } : undefined;
    },
  },
  {
    // tháng 10/2020, tháng 10 năm 2020, tháng 10-2020
    pattern: /\btháng\s+(\d{1,2})(?:\s*[/-]\s*|\s+năm\s+)(\d{4})\b/giu,
    read: (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? { value: `${m[2]}-${String(month).padStart(2, '0')}`, yearInferred: false } : undefined;
    },
  },
  {
    // năm 2018
    pattern: /\bnăm\s+((?:19|20)\d{2})\b/giu,
    read: (m) => ({ value: m[1] ?? '', yearInferred: false }),
  },
];

/**
 * Given prepared text and the publication date (YYYY-MM-DD), returns every date written in it
 * ("ngày 3/4/2023", "sáng 3-4", "tháng 10/2020", "năm 2018", "ngày 9-10/6/2024"). A day and month
 * without a year takes the publication year, or the year before when that would put it more than
 * a week after publication (news reports what has happened).
 */
export function extractDates(prepared: PreparedText, publishedAt: string): DateMention[] {
  const published = new Date(`${publishedAt}T00:00:00Z`);
  const year = (month: number, day: number): number | undefined => {
    const y = published.getUTCFullYear();
    const candidate = Date.UTC(y, month - 1, day);
    return candidate - published.getTime() > 7 * 86_400_000 ? y - 1 : y;
  };
  const mentions: DateMention[] = [];
  for (const sentence of prepared.sentences) {
    const text = prepared.text.slice(sentence.start, sentence.end);
    const taken: Array<[number, number]> = [];
    for (const rule of RULES) {
      for (const m of text.matchAll(rule.pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        const read = rule.read(m, year);
        if (!read || read.value === '') continue;
        taken.push([start, end]);
        mentions.push({
          sentence: sentence.index,
          start: sentence.start + start,
          end: sentence.start + end,
          text: m[0],
          ...read,
        });
      }
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
