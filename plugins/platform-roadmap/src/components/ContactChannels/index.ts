export { ContactCard, ContactChannels } from './ContactChannels';
