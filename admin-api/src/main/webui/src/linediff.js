// Two texts aligned line by line for a side-by-side view: the longest common subsequence of their
// lines (after trimming what both share at the start and end), as rows of [left, right] where a
// side is null when the line exists only on the other. Rule files are small; a pair too large for
// the quadratic table (over 4 million cells) is shown as "changed" without alignment instead.
const MAX_CELLS = 4_000_000;

export function alignLines(leftText, rightText) {
  const a = leftText.split('\n');
  const b = rightText.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const rows = [];
  const same = (i, j) => rows.push({ kind: 'same', left: { n: i + 1, text: a[i] }, right: { n: j + 1, text: b[j] } });
  for (let i = 0; i < start; i++) same(i, i);
  const n = endA - start;
  const k = endB - start;
  if (n * k > MAX_CELLS) {
    for (let i = start; i < endA; i++) rows.push({ kind: 'removed', left: { n: i + 1, text: a[i] }, right: null });
    for (let j = start; j < endB; j++) rows.push({ kind: 'added', left: null, right: { n: j + 1, text: b[j] } });
  } else {
    // lcs[i][j]: the common lines of a[start+i..endA) and b[start+j..endB)
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(k + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = k - 1; j >= 0; j--) {
        lcs[i][j] = a[start + i] === b[start + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    const pendingLeft = [];
    const pendingRight = [];
    const flush = () => {
      // removed and added lines next to each other are shown on one row as a change
      const pairs = Math.max(pendingLeft.length, pendingRight.length);
      for (let p = 0; p < pairs; p++) {
        const left = pendingLeft[p] ?? null;
        const right = pendingRight[p] ?? null;
        rows.push({ kind: left && right ? 'changed' : left ? 'removed' : 'added', left, right });
      }
      pendingLeft.length = 0;
      pendingRight.length = 0;
    };
    while (i < n || j < k) {
      if (i < n && j < k && a[start + i] === b[start + j]) {
        flush();
        same(start + i, start + j);
        i++;
        j++;
      } else if (j < k && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        pendingRight.push({ n: start + j + 1, text: b[start + j] });
        j++;
      } else {
        pendingLeft.push({ n: start + i + 1, text: a[start + i] });
        i++;
      }
    }
    flush();
  }
  for (let i = endA, j = endB; i < a.length; i++, j++) same(i, j);
  return rows;
}
