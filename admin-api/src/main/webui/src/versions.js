// The merchant and its rule versions, as several pages need them: which version is live, which are
// drafts, and the merchant's time zone (every time the console shows is in it).
import { computed, ref } from 'vue';
import { api, m } from './api.js';

export function useVersions() {
  const merchant = ref(null);
  const versions = ref([]); // newest first
  const error = ref(null);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    error.value = null;
    try {
      const [mer, vers] = await Promise.all([api.get(m()), api.all(m('/rule-versions'))]);
      merchant.value = mer;
      versions.value = [...vers].reverse();
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  const live = computed(() => versions.value.find((v) => v.status === 'ACTIVE') || null);
  /** the newest version that is not live: what a user most likely wants to look at next */
  const newestOther = computed(() => versions.value.find((v) => v.status !== 'ACTIVE') || null);
  const zone = computed(() => merchant.value?.timeZone);
  return { merchant, versions, live, newestOther, zone, error, loading, load };
}

/** A version number from a route query value, or null. */
export function queryNumber(value) {
  const n = Number.parseInt(Array.isArray(value) ? value[0] : value, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}
