import { z } from 'zod';

/** One labelled article of eval/linking/labels (eval/linking/README.md says how they are written). */
export const LabelFileSchema = z.strictObject({
  id: z.string(),
  /** Written and labelled after the rules were frozen, and run once: the honest part of the score. */
  heldOut: z.boolean().optional(),
  /** Path of the article, relative to eval/linking. */
  text: z.string().optional(),
  /** A file of ../shared/sources (relative to the repository), read when present, skipped with a note when absent. */
  sharedSource: z.string().optional(),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  publishedAtNote: z.string().optional(),
  synthetic: z.boolean(),
  syntheticNote: z.string().optional(),
  notes: z.string(),
  expectedLinks: z.array(z.strictObject({ id: z.string(), mention: z.string() })),
  expectedNew: z.array(
    z.strictObject({
      label: z.enum(['Person', 'Agency', 'Place', 'Award']),
      name: z.string().optional(),
      form: z.string().optional(),
      decisionNo: z.string().optional(),
      flag: z.string().optional(),
    }),
  ),
  traps: z.array(
    z.strictObject({
      sentenceContains: z.string(),
      mention: z.string(),
      occurrence: z.number().int().min(1).optional(),
      wrongId: z.string(),
      why: z.string(),
    }),
  ),
});

export type LabelFile = z.infer<typeof LabelFileSchema>;
