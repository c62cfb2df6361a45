export { UserMarkdown } from './UserMarkdown';
export { WebLink } from './WebLink';
export { markdownLinkUri, webUrl } from './urls';
