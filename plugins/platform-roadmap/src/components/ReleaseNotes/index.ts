export { ReleaseNotesTab } from './ReleaseNotesTab';
export { ReleaseNoteBody } from './ReleaseNoteBody';
