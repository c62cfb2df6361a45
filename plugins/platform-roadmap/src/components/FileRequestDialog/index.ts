export { FileRequestDialog } from './FileRequestDialog';
export type {
  FileRequestDialogProps,
  PlatformTeamOption,
} from './FileRequestDialog';
