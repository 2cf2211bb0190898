// The console's pages, in navigation order. `roles`: who sees the page (what the API lets that role
// do); `ready: false` marks a placeholder ("coming next"). A new page replaces its placeholder by
// giving its own component here and setting ready — navigation, role checks and titles follow.
import Overview from './views/Overview.vue';
import ComingNext from './views/ComingNext.vue';
import Compare from './views/Compare.vue';
import TryIt from './views/TryIt.vue';
import Members from './views/Members.vue';
import TestSuites from './views/TestSuites.vue';
import Release from './views/Release.vue';
import Impact from './views/Impact.vue';
import Campaigns from './views/Campaigns.vue';
// the editor (CodeMirror) is loaded when the page is first opened, not with the shell
const Edit = () => import('./views/Edit.vue');

const BOTH = ['MARKETING', 'QA'];

export const PAGES = [
  { name: 'overview', path: '/overview', label: 'nav.overview', roles: BOTH, ready: true, component: Overview },
  { name: 'edit', path: '/edit', label: 'nav.edit', roles: ['MARKETING'], ready: true, component: Edit },
  { name: 'compare', path: '/compare', label: 'nav.compare', roles: BOTH, ready: true, component: Compare },
  { name: 'test', path: '/test', label: 'nav.test', roles: BOTH, ready: true, component: TestSuites },
  { name: 'tryIt', path: '/try-it', label: 'nav.tryIt', roles: BOTH, ready: true, component: TryIt },
  { name: 'release', path: '/release', label: 'nav.release', roles: BOTH, ready: true, component: Release },
  // member reads are INTEGRATOR and QA endpoints: marketing keys would get 403
  { name: 'members', path: '/members', label: 'nav.members', roles: ['QA'], ready: true, component: Members },
  { name: 'impact', path: '/impact', label: 'nav.impact', roles: BOTH, ready: true, component: Impact },
  // MARKETING defines campaigns, QA reads them (the API's roles)
  { name: 'campaigns', path: '/campaigns', label: 'nav.campaigns', roles: BOTH, ready: true, component: Campaigns },
].map((page) => (page.ready ? page : { ...page, component: ComingNext }));
