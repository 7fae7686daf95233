/**
 * Builds a design-doc scaffold from a template: front matter that marks the file as a Loop Prep design
 * doc (and names its case), a title, and one section per template heading with its guiding questions.
 * As a snippet, each section's questions are one tab stop, so typing replaces them.
 */
import type { CaseStudy, Template } from '../content/types';

export const DESIGN_DOC_MARKER = 'design-doc';

/** Escapes text for VS Code's snippet syntax. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export interface Scaffold {
  /** The snippet, with a tab stop per section. */
  readonly snippet: string;
  /** The same document as plain text. */
  readonly text: string;
}

/** Front matter plus body. `caseStudy` adds the case id, its title and its prompt. */
export function buildScaffold(template: Template, caseStudy?: CaseStudy, promptText?: string): Scaffold {
  const title = caseStudy ? `Design: ${caseStudy.title}` : 'Design doc';
  const frontMatter = ['---', `loopPrep: ${DESIGN_DOC_MARKER}`, ...(caseStudy ? [`case: ${caseStudy.id}`] : []), `template: ${template.id}`, '---', ''];
  const intro = [`# ${title}`, '', ...(caseStudy && promptText ? [`> ${promptText}`, ''] : [])];
  const textParts = [...frontMatter, ...intro];
  const snippetParts = [...frontMatter.map(escapeSnippet), ...intro.map(escapeSnippet)];
  template.sections.forEach((s, i) => {
    const questions = s.guidingQuestions.map((q) => `- ${q}`).join('\n');
    textParts.push(`## ${s.heading}`, '', questions, '');
    snippetParts.push(`## ${escapeSnippet(s.heading)}`, '', `\${${i + 1}:${escapeSnippet(questions)}}`, '');
  });
  snippetParts.push('$0');
  return { snippet: snippetParts.join('\n'), text: textParts.join('\n') };
}
