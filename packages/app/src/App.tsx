import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';

// Every plugin package in package.json is installed (app.packages: all);
// the catalog is listed so that its page can be configured at "/".
export default createApp({
  features: [catalogPlugin, navModule],
});
