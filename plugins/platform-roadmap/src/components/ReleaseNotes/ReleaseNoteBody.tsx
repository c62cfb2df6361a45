import { MarkdownContent } from '@backstage/core-components';

/**
 * The Markdown body of a release note. `MarkdownContent` sanitizes it (no
 * scripts, event handlers or `javascript:` links), so platform teams can
 * write GitHub-flavoured Markdown and nobody can inject code through it.
 *
 * @public
 */
export function ReleaseNoteBody(props: { body: string }) {
  const { body } = props;
  if (!body.trim()) return null;
  return <MarkdownContent content={body} dialect="gfm" />;
}
