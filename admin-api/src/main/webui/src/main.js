import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router.js';
import { onUnauthorized } from './api.js';
import { signOut } from './session.js';
import './style.css';

// a key revoked while the console is open: back to sign-in, saying why
onUnauthorized(() => {
  signOut('session.expired');
  router.push({ name: 'signIn' });
});

createApp(App).use(router).mount('#app');
