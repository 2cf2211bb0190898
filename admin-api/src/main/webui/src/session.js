// Who is signed in. The API key lives in sessionStorage only: it is gone when the tab closes, it is
// never put in a URL (the console routes with the hash, and the key is sent as the X-Api-Key header),
// and it is not shared with other tabs the way localStorage would share it.
import { reactive } from 'vue';

const STORAGE = 'jifen.console.session';

function restore() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE) || 'null');
    if (saved && saved.merchant && saved.key && saved.me) return saved;
  } catch {
    // an unreadable entry is treated as no session
  }
  return null;
}

const saved = restore();

export const session = reactive({
  merchant: saved ? saved.merchant : null,
  key: saved ? saved.key : null,
  /** GET /merchants/{code}/me: keyId, role, label, merchant, platformAdmin */
  me: saved ? saved.me : null,
  /** why the last session ended, shown on the sign-in page (a translation key) */
  endedBecause: null,
});

export function signIn(merchant, key, me) {
  Object.assign(session, { merchant, key, me, endedBecause: null });
  sessionStorage.setItem(STORAGE, JSON.stringify({ merchant, key, me }));
}

export function signOut(reason = null) {
  Object.assign(session, { merchant: null, key: null, me: null, endedBecause: reason });
  sessionStorage.removeItem(STORAGE);
}

export const isSignedIn = () => session.key !== null;
export const role = () => (session.me ? session.me.role : null);
/** Roles that may use the merchant pages of the console; ADMIN gets the platform view. */
export const CONSOLE_ROLES = ['MARKETING', 'QA'];
