export { Backlog } from './Backlog';
