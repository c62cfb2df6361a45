import { UserMarkdown } from '../UserContent';

/**
 * The Markdown body of a release note. It is sanitized (no scripts, event
 * handlers or `javascript:` links), so platform teams can write
 * GitHub-flavoured Markdown and nobody can inject code through it.
 *
 * @public
 */
export function ReleaseNoteBody(props: { body: string }) {
  const { body } = props;
  if (!body.trim()) return null;
  return <UserMarkdown content={body} />;
}
