/**
 * Front-matter schemas, one per kind, written with zod. The same schemas validate the built-in bank at
 * build time and users' packs at runtime, and are exported as a JSON Schema for authors' editors.
 */
import { z } from 'zod';
import { ID_PATTERN, MAX_ID_LENGTH } from '../ids';
import { CASE_SECTIONS, DIFFICULTIES } from './types';

const id = z
  .string()
  .max(MAX_ID_LENGTH, `ids are at most ${MAX_ID_LENGTH} characters`)
  .regex(ID_PATTERN, 'ids are lowercase kebab-case: letters, digits and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const aliases = z.array(id).optional();
const roles = z.array(id).min(1, 'name at least one role');

const option = z.strictObject({
  text: text.describe('The option as shown; inline Markdown allowed.'),
  why: text.describe('Why this option is right or wrong.'),
});

const questionBase = {
  kind: z.literal('question'),
  id,
  aliases,
  topic: id.describe('The topic id this question belongs to.'),
  roles,
  difficulty: z.enum(DIFFICULTIES as [string, ...string[]]),
  tags: z.array(text).optional(),
};

const single = z
  .strictObject({
    ...questionBase,
    type: z.literal('single'),
    options: z.array(option).min(3, 'single-choice questions have 3 to 5 options').max(5, 'single-choice questions have 3 to 5 options'),
    answer: z.number().int().min(0).describe('0-based index of the correct option.'),
  })
  .superRefine((q, ctx) => {
    if (q.answer >= q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer ${q.answer} is out of range: there are ${q.options.length} options (0 to ${q.options.length - 1})` });
    }
  });

const multi = z
  .strictObject({
    ...questionBase,
    type: z.literal('multi'),
    options: z.array(option).min(3, 'multiple-select questions have 3 to 6 options').max(6, 'multiple-select questions have 3 to 6 options'),
    answer: z.array(z.number().int().min(0)).min(1, 'name at least one correct option').describe('0-based indices of the correct options.'),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<number>();
    for (const a of q.answer) {
      if (a >= q.options.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer ${a} is out of range: there are ${q.options.length} options (0 to ${q.options.length - 1})` });
      if (seen.has(a)) ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer ${a} is listed twice` });
      seen.add(a);
    }
  });

const flashcard = z.strictObject({ ...questionBase, type: z.literal('flashcard') });

const numeric = z.strictObject({
  ...questionBase,
  type: z.literal('numeric'),
  answer: z.number().refine(Number.isFinite, 'answer must be a finite number'),
  tolerance: z.number().min(0).max(1).describe('Accepted relative error: 0.25 accepts answers within 25%.'),
  unit: text.describe('The unit the answer is given in.'),
});

export const questionSchema = z.discriminatedUnion('type', [single, multi, flashcard, numeric]);

export const roleSchema = z.strictObject({
  kind: z.literal('role'),
  id,
  aliases,
  name: text,
  summary: text,
  topics: z
    .array(z.strictObject({ id, weight: z.enum(['core', 'supporting', 'skip']) }))
    .min(1, 'a role orders at least one topic'),
});

export const topicSchema = z.strictObject({
  kind: z.literal('topic'),
  id,
  aliases,
  title: text,
  summary: text,
  concepts: z.array(text).min(1, 'list at least one concept'),
});

const rubricPoint = z.strictObject({
  point: text,
  evidence: z.array(text).min(1, 'give at least one evidence phrase'),
});
const rubricShape = Object.fromEntries(
  CASE_SECTIONS.map((s) => [s.key, z.array(rubricPoint).min(4, `the ${s.key} rubric needs at least 4 points`)]),
) as Record<(typeof CASE_SECTIONS)[number]['key'], z.ZodArray<typeof rubricPoint>>;

export const caseSchema = z.strictObject({
  kind: z.literal('case'),
  id,
  aliases,
  title: text,
  summary: text,
  roles,
  topics: z.array(id).min(1),
  rubric: z.strictObject(rubricShape),
});

export const lessonSchema = z.strictObject({
  kind: z.literal('lesson'),
  id,
  aliases,
  title: text,
  order: z.number().int().min(0),
  minutes: z.number().positive(),
  roles: roles.optional(),
});

export const templateSchema = z.strictObject({
  kind: z.literal('template'),
  id,
  aliases,
  title: text,
  case: id.optional(),
});

export const schemasByKind = {
  question: questionSchema,
  role: roleSchema,
  topic: topicSchema,
  case: caseSchema,
  lesson: lessonSchema,
  template: templateSchema,
} as const;

export type FrontMatterKind = keyof typeof schemasByKind;
export const KINDS = Object.keys(schemasByKind) as FrontMatterKind[];

/** The union of every kind's front matter: published as JSON Schema. */
export const frontMatterSchema = z.union([questionSchema, roleSchema, topicSchema, caseSchema, lessonSchema, templateSchema]);

export type QuestionFrontMatter = z.infer<typeof questionSchema>;
export type RoleFrontMatter = z.infer<typeof roleSchema>;
export type TopicFrontMatter = z.infer<typeof topicSchema>;
export type CaseFrontMatter = z.infer<typeof caseSchema>;
export type LessonFrontMatter = z.infer<typeof lessonSchema>;
export type TemplateFrontMatter = z.infer<typeof templateSchema>;

/** The JSON Schema of a content file's front matter. */
export function frontMatterJsonSchema(): object {
  return {
    ...z.toJSONSchema(frontMatterSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Loop Prep content front matter',
    description: 'The YAML front matter of a Loop Prep content file. See docs/content-format.md.',
  };
}
