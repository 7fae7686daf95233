/**
 * Front-matter schemas, one per kind, written with zod. The same schemas validate the built-in bank at
 * build time and users' packs at runtime, and are exported as a JSON Schema for authors' editors.
 * zod/mini, not classic zod: the same validation in about 20 KB of bundle instead of about 450 KB.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ID_PATTERN, MAX_ID_LENGTH } from '../ids';
import { withinTolerance } from '../drill/grade';
import { CASE_SECTIONS, DIFFICULTIES } from './types';

// zod/mini ships without messages; English ones say what a field should be ("expected number").
z.config(en());

const id = z
  .string()
  .check(z.maxLength(MAX_ID_LENGTH, `ids are at most ${MAX_ID_LENGTH} characters`), z.regex(ID_PATTERN, 'ids are lowercase kebab-case: letters, digits and single hyphens'));
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const aliases = z.optional(z.array(id));
const roles = z.array(id).check(z.minLength(1, 'name at least one role'));
const index = z.int().check(z.gte(0, 'indices start at 0'));

/** `pinLast` keeps an option (such as "none of these") in the last place when options are shuffled. */
const option = z.strictObject({ text, why: text, pinLast: z.optional(z.boolean()) });
const keyPoint = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(160, 'a key point is one short line (at most 160 characters)'));
const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
/** A wrong value that a typical slip produces, and the slip. */
const mistake = z.strictObject({ value: finite, why: text });

const questionBase = {
  kind: z.literal('question'),
  id,
  aliases,
  topic: id,
  roles,
  difficulty: z.enum(DIFFICULTIES as [string, ...string[]]),
  tags: z.optional(z.array(text)),
};

const single = z
  .strictObject({
    ...questionBase,
    type: z.literal('single'),
    options: z.array(option).check(z.minLength(3, 'single-choice questions have 3 to 5 options'), z.maxLength(5, 'single-choice questions have 3 to 5 options')),
    answer: index,
  })
  .check(
    z.superRefine((q, ctx) => {
      if (q.answer >= q.options.length) {
        ctx.issues.push({ code: 'custom', path: ['answer'], input: q.answer, message: `answer ${q.answer} is out of range: there are ${q.options.length} options (0 to ${q.options.length - 1})` });
      }
    }),
  );

const multi = z
  .strictObject({
    ...questionBase,
    type: z.literal('multi'),
    options: z.array(option).check(z.minLength(3, 'multiple-select questions have 3 to 6 options'), z.maxLength(6, 'multiple-select questions have 3 to 6 options')),
    answer: z.array(index).check(z.minLength(1, 'name at least one correct option')),
  })
  .check(
    z.superRefine((q, ctx) => {
      const seen = new Set<number>();
      for (const a of q.answer) {
        if (a >= q.options.length) ctx.issues.push({ code: 'custom', path: ['answer'], input: a, message: `answer ${a} is out of range: there are ${q.options.length} options (0 to ${q.options.length - 1})` });
        if (seen.has(a)) ctx.issues.push({ code: 'custom', path: ['answer'], input: a, message: `answer ${a} is listed twice` });
        seen.add(a);
      }
    }),
  );

const flashcard = z.strictObject({
  ...questionBase,
  type: z.literal('flashcard'),
  /** The points a complete answer makes: a self-grading checklist, and what AI feedback grades against. */
  keyPoints: z.optional(z.array(keyPoint).check(z.minLength(3, 'list 3 to 6 key points'), z.maxLength(6, 'list 3 to 6 key points'))),
});

const numeric = z.strictObject({
  ...questionBase,
  type: z.literal('numeric'),
  answer: z.number().check(z.refine(Number.isFinite, 'answer must be a finite number')),
  tolerance: z.number().check(z.gte(0, 'tolerance is a fraction from 0 to 1'), z.lte(1, 'tolerance is a fraction from 0 to 1 (0.25 accepts answers within 25%)')),
  unit: text,
  mistakes: z.optional(z.array(mistake).check(z.minLength(1, 'list 1 to 3 common mistakes'), z.maxLength(3, 'list 1 to 3 common mistakes'))),
}).check(
  z.superRefine((q, ctx) => {
    (q.mistakes ?? []).forEach((m, i) => {
      if (withinTolerance(m.value, q.answer, q.tolerance)) {
        ctx.issues.push({
          code: 'custom',
          path: ['mistakes', i, 'value'],
          input: m.value,
          message: `tolerance ${q.tolerance} accepts the listed mistake ${m.value} (within ${Math.round(q.tolerance * 1000) / 10}% of ${q.answer}): tighten the tolerance or drop the mistake`,
        });
      }
    });
  }),
);

export const questionSchema = z.discriminatedUnion('type', [single, multi, flashcard, numeric]);

export const roleSchema = z.strictObject({
  kind: z.literal('role'),
  id,
  aliases,
  name: text,
  summary: text,
  topics: z.array(z.strictObject({ id, weight: z.enum(['core', 'supporting', 'skip']) })).check(z.minLength(1, 'a role orders at least one topic')),
});

export const topicSchema = z.strictObject({
  kind: z.literal('topic'),
  id,
  aliases,
  title: text,
  summary: text,
  concepts: z.array(text).check(z.minLength(1, 'list at least one concept')),
});

const rubricPoint = z.strictObject({
  point: text,
  evidence: z.array(text).check(z.minLength(1, 'give at least one evidence phrase')),
});
const rubricShape = Object.fromEntries(
  CASE_SECTIONS.map((s) => [s.key, z.array(rubricPoint).check(z.minLength(4, `the ${s.key} rubric needs at least 4 points`))]),
) as Record<(typeof CASE_SECTIONS)[number]['key'], z.ZodMiniArray<typeof rubricPoint>>;

export const caseSchema = z.strictObject({
  kind: z.literal('case'),
  id,
  aliases,
  title: text,
  summary: text,
  roles,
  topics: z.array(id).check(z.minLength(1, 'name at least one topic')),
  rubric: z.strictObject(rubricShape),
});

export const lessonSchema = z.strictObject({
  kind: z.literal('lesson'),
  id,
  aliases,
  title: text,
  order: index,
  minutes: z.number().check(z.positive('minutes must be positive')),
  roles: z.optional(roles),
  /** Cards that the lesson's "Check yourself" questions open, in order. */
  selfCheck: z.optional(z.array(id).check(z.maxLength(6, 'name at most 6 self-check cards'))),
});

export const templateSchema = z.strictObject({
  kind: z.literal('template'),
  id,
  aliases,
  title: text,
  case: z.optional(id),
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
