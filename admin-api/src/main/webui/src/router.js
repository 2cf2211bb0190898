// Hash routing (/console/#/overview): the service serves one index.html and needs no fallback route
// for deep links, and nothing secret is ever part of a URL (the key stays in sessionStorage).
import { createRouter, createWebHashHistory } from 'vue-router';
import { PAGES } from './pages.js';
import { session, role, CONSOLE_ROLES } from './session.js';
import SignIn from './views/SignIn.vue';
import Platform from './views/Platform.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/overview' },
    { path: '/sign-in', name: 'signIn', component: SignIn, meta: { public: true } },
    { path: '/platform', name: 'platform', component: Platform, meta: { roles: ['ADMIN'] } },
    ...PAGES.map((p) => ({ path: p.path, name: p.name, component: p.component, meta: { roles: p.roles, page: p } })),
    { path: '/:rest(.*)*', redirect: '/overview' },
  ],
});

/** Where a signed-in key belongs: the platform placeholder for ADMIN, the overview otherwise. */
export const home = () => (role() === 'ADMIN' ? { name: 'platform' } : { name: 'overview' });

router.beforeEach((to) => {
  if (to.meta.public) return session.key && to.name === 'signIn' ? home() : true;
  if (!session.key) return { name: 'signIn' };
  const allowed = to.meta.roles || CONSOLE_ROLES;
  return allowed.includes(role()) ? true : home();
});
