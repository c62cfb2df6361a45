import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { webUrl } from './urls';

/**
 * A link to a web page someone typed (a migration guide, a contact
 * channel). Only an http(s) URL becomes a link; anything else, such as a
 * `javascript:` or `data:` URL, leaves the children as plain text.
 */
export function WebLink(props: { url?: string; children: ReactNode }) {
  const href = webUrl(props.url);
  return href ? <Link to={href}>{props.children}</Link> : <>{props.children}</>;
}
