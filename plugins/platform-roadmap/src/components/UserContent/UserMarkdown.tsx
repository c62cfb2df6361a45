import { MarkdownContent } from '@backstage/core-components';
import { markdownLinkUri } from './urls';

/**
 * Markdown a person wrote (a description, a release note body), as GitHub-
 * flavoured Markdown. `MarkdownContent` sanitizes the HTML (no scripts,
 * event handlers, frames, styles or `javascript:` links); links keep only
 * http(s), mailto and relative URLs, so an odd scheme shows as text instead
 * of breaking the card.
 */
export function UserMarkdown(props: { content: string }) {
  return (
    <MarkdownContent
      content={props.content}
      dialect="gfm"
      transformLinkUri={markdownLinkUri}
    />
  );
}
