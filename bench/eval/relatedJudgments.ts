import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Grade } from './ndcg';

/** The graded judgment set for relatedStories and relatedExemplars (README in the same folder). */
export const JUDGMENTS_FILE = path.resolve(__dirname, '..', '..', 'eval', 'related', 'judgments.json');

/** The reader paths a grade of 1 or 2 can name; a grade 0 names none. */
export const READER_PATHS = [
  'direct',
  'neighbour',
  'place',
  'eventKind',
  'agency',
  'field',
  'similarExemplar',
  'coFeatured',
  'commendation',
  'time',
] as const;
export type ReaderPath = (typeof READER_PATHS)[number];

const judgment = z
  .object({
    id: z.string().min(1),
    grade: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    reason: z.string().min(8),
    paths: z.array(z.enum(READER_PATHS)).min(1).optional(),
  })
  .strict()
  .refine((j) => (j.grade === 0) === (j.paths === undefined), {
    message: 'a grade 1 or 2 names its reader paths; a grade 0 names none',
  });

const source = z
  .object({
    id: z.string().min(1),
    kind: z.string().min(1),
    name: z.string().min(1),
    subject: z.string().min(8),
    judgments: z.array(judgment).min(1),
  })
  .strict()
  .refine((s) => new Set(s.judgments.map((j) => j.id)).size === s.judgments.length, { message: 'a candidate is judged twice' })
  .refine((s) => s.judgments.every((j) => j.id !== s.id), { message: 'a source is judged as its own candidate' });

const judgmentSet = z
  .object({
    about: z.string(),
    scale: z.array(z.object({ grade: z.number(), meaning: z.string() }).strict()),
    principles: z.array(z.string()).min(1),
    paths: z.record(z.enum(READER_PATHS), z.string()),
    relatedStories: z.array(source).min(1),
    relatedExemplars: z.array(source).min(1),
  })
  .strict();

export type Judgment = z.infer<typeof judgment>;
export type JudgedSource = z.infer<typeof source>;
export type JudgmentSet = z.infer<typeof judgmentSet>;

/** Given a judgment file's path, returns the validated set, or throws naming every problem with its path. */
export function readJudgments(file: string = JUDGMENTS_FILE): JudgmentSet {
  const parsed = judgmentSet.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid judgment file ${file}:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** Given a judged source, returns each candidate's grade by id. */
export function gradesOf(judged: JudgedSource): Map<string, Grade> {
  return new Map(judged.judgments.map((j) => [j.id, j.grade]));
}
