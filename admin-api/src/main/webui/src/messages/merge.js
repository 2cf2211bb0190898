// Merges the areas' dictionaries; two areas claiming the same top-level key is a mistake the build
// reports (scripts/check-i18n.mjs) rather than one silently hiding the other.
export function merge(dictionaries) {
  const merged = {};
  for (const dict of dictionaries) {
    for (const [key, value] of Object.entries(dict)) {
      if (key in merged) throw new Error(`console labels: the top-level key "${key}" is defined twice`);
      merged[key] = value;
    }
  }
  return merged;
}
