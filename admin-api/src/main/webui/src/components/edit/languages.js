// Syntax highlighting for DRL and DSLR as CodeMirror stream languages (no grammar: a line-by-line
// tokenizer). DRL: keywords, rule attributes, strings, numbers, comments, $bindings and fact types.
// DSLR: the same for its DRL lines, and every line that is a sentence of its vocabulary shown as
// the sentence's fixed words and the values written into its {placeholders}.
import { StreamLanguage, HighlightStyle } from '@codemirror/language';
import { Tag, tags } from '@lezer/highlight';
import { sentenceMatcher } from './vocabulary.js';

export const KEYWORDS = [
  'package', 'import', 'global', 'rule', 'query', 'declare', 'function', 'when', 'then', 'end', 'expander',
  'salience', 'agenda-group', 'ruleflow-group', 'activation-group', 'no-loop', 'lock-on-active', 'auto-focus',
  'date-effective', 'date-expires', 'enabled', 'dialect', 'duration', 'timer', 'calendars', 'attributes',
  'not', 'exists', 'forall', 'from', 'collect', 'accumulate', 'eval', 'and', 'or', 'over', 'entry-point',
  'extends', 'template', 'init', 'action', 'reverse', 'result', 'in', 'matches', 'memberOf', 'contains',
  'soundslike', 'str', 'this', 'modify', 'insert', 'insertLogical', 'retract', 'update', 'delete',
];
const ATOMS = new Set(['true', 'false', 'null']);
// longest first, so that `agenda-group` is read before `agenda`
const KEYWORD_RE = new RegExp(`^(?:${[...KEYWORDS].sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/-/g, '\\-')).join('|')})(?![\\w-])`);

/** The sentence and value tags of DSLR lines, styled below. */
export const sentenceTag = Tag.define();
export const valueTag = Tag.define();

function drlToken(stream, state) {
  if (state.inComment) {
    if (stream.skipTo('*/')) {
      stream.pos += 2;
      state.inComment = false;
    } else {
      stream.skipToEnd();
    }
    return 'comment';
  }
  if (stream.eatSpace()) return null;
  if (stream.match('//') || (stream.sol() && stream.match('#'))) {
    stream.skipToEnd();
    return 'comment';
  }
  if (stream.match('/*')) {
    state.inComment = true;
    return 'comment';
  }
  const ch = stream.peek();
  if (ch === '"' || ch === "'") {
    stream.next();
    let escaped = false;
    let next;
    while ((next = stream.next()) != null) {
      if (next === ch && !escaped) break;
      escaped = !escaped && next === '\\';
    }
    return 'string';
  }
  if (stream.match(/^-?\d+(\.\d+)?[BbLlDdFf]?/)) return 'number';
  if (stream.match(KEYWORD_RE)) return 'keyword';
  if (stream.match(/^\$[\w$]*/)) return 'variableName';
  const word = stream.match(/^[A-Za-z_][\w]*/);
  if (word) {
    if (ATOMS.has(word[0])) return 'atom';
    return /^[A-Z]/.test(word[0]) ? 'typeName' : 'variableName';
  }
  if (stream.match(/^(==|!=|>=|<=|&&|\|\||[=<>!+\-*/%:;,.()[\]{}])/)) return 'operator';
  stream.next();
  return null;
}

export const drl = StreamLanguage.define({
  name: 'drl',
  startState: () => ({ inComment: false }),
  copyState: (s) => ({ ...s }),
  token: drlToken,
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});

// DRL lines of a DSLR file: the structure around the sentences
const DRL_LINE = /^(package|import|global|expander|rule|when|then|end|query|declare|function|salience|agenda-group|ruleflow-group|activation-group|no-loop|\/\/|#|\/\*)(?![\w-])/;

/** A DSLR language that knows the sentences of its vocabulary (rebuilt when the vocabulary changes). */
export function dslr(sentences = []) {
  const matchers = sentences.map((s) => sentenceMatcher(s.sentence));
  return StreamLanguage.define({
    name: 'dslr',
    startState: () => ({ inComment: false, parts: [] }),
    copyState: (s) => ({ ...s, parts: [...s.parts] }),
    token(stream, state) {
      if (state.parts.length) {
        const part = state.parts.shift();
        stream.pos += part.text.length;
        return part.kind;
      }
      // at the line's first word (after its indentation): a sentence of the vocabulary?
      if (!state.inComment && /^\s*$/.test(stream.string.slice(0, stream.pos)) && !/^\s/.test(stream.string.slice(stream.pos))) {
        const rest = stream.string.slice(stream.pos);
        if (!DRL_LINE.test(rest)) {
          for (const match of matchers) {
            const parts = match(rest);
            if (parts) {
              state.parts = parts.filter((p) => p.text.length > 0);
              const first = state.parts.shift();
              stream.pos += first.text.length;
              return first.kind;
            }
          }
        }
      }
      return drlToken(stream, state);
    },
    tokenTable: { sentence: sentenceTag, value: valueTag },
    languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
  });
}

/** Colours with at least 4.5:1 contrast on white. */
export const ruleHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#8a1c7c', fontWeight: '600' },
  { tag: tags.string, color: '#0b6e2e' },
  { tag: tags.number, color: '#a13d00' },
  { tag: tags.atom, color: '#a13d00' },
  { tag: tags.comment, color: '#5c6670', fontStyle: 'italic' },
  { tag: tags.typeName, color: '#1e4fa3' },
  { tag: tags.variableName, color: '#1f2933' },
  { tag: tags.operator, color: '#52606d' },
  { tag: sentenceTag, color: '#1e4fa3' },
  { tag: valueTag, color: '#a13d00', fontWeight: '600' },
]);
