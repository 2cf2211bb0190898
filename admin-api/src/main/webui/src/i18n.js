// The console's two languages. Every label the console shows comes from here; messages from the
// API (a problem's title and detail) are shown as the API wrote them, in English, under a
// translated headline. The choice is kept in localStorage (it is a preference, not a secret).
import { ref, watchEffect } from 'vue';
import { merge } from './messages/merge.js';

const STORAGE = 'jifen.console.locale';

export const LOCALES = [
  { code: 'en', label: 'English', intl: 'en-GB' },
  { code: 'zh', label: '中文', intl: 'zh-CN' },
];

// Every messages/*.js file, merged: an area's labels live beside the others' without sharing a file.
const areas = Object.values(import.meta.glob('./messages/*.js', { eager: true })).filter((m) => m.en && m.zh);
const en = merge(areas.map((m) => m.en));
const zh = merge(areas.map((m) => m.zh));

export const MESSAGES = { en, zh };

function initial() {
  const stored = localStorage.getItem(STORAGE);
  if (stored && MESSAGES[stored]) return stored;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const locale = ref(initial());

watchEffect(() => {
  localStorage.setItem(STORAGE, locale.value);
  document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
});

function lookup(dict, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), dict);
}

/** The label for {@code key} in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  let text = lookup(MESSAGES[locale.value], key);
  if (typeof text !== 'string') text = lookup(en, key); // a missing translation shows English, never the key
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
}

export function intlLocale() {
  return LOCALES.find((l) => l.code === locale.value).intl;
}
