export { ReleaseNoteLink } from './ReleaseNoteLink';
