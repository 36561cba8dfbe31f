import type { Random } from '../random/create-random.js';

/** A parsed piece of a simple regular expression. */
type Node =
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number }
  | { kind: 'chars'; chars: string[] }
  | { kind: 'anchor'; at: 'start' | 'end' };

/** Characters tried for `.`, negated classes and `\W`-style escapes. */
const POOL = [...'aZ09_-. !@#~/é😀ß\u00a0'];
const DIGITS = [...'0123456789'];
const WORD = [...'abcxyzABCXYZ0123456789_'];
const SPACE = [' ', '\t'];
/** Unbounded quantifiers (`*`, `+`, `{n,}`) repeat at most this many extra times. */
const OPEN_REPEAT = 3;

class Unsupported extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.src.length) throw new Unsupported();
    return node;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(node: Node): Node {
    const c = this.peek();
    let min = 1;
    let max = 1;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      [min, max] = c === '*' ? [0, OPEN_REPEAT] : c === '+' ? [1, 1 + OPEN_REPEAT] : [0, 1];
    } else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!match) return node;
      this.pos += match[0].length;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] ? Number(match[3]) : min + OPEN_REPEAT;
    } else return node;
    if (this.peek() === '?') this.pos++;
    return { kind: 'repeat', node, min, max };
  }

  private atom(): Node {
    const c = this.src[this.pos++];
    if (c === '^') return { kind: 'anchor', at: 'start' };
    if (c === '$') return { kind: 'anchor', at: 'end' };
    if (c === '.') return { kind: 'chars', chars: POOL.filter((ch) => ch !== '\n') };
    if (c === '(') {
      let lookaround = false;
      if (this.peek() === '?') {
        const prefix = ['?:', '?=', '?!', '?<=', '?<!'].find((p) => this.src.startsWith(p, this.pos));
        if (prefix === undefined) throw new Unsupported();
        this.pos += prefix.length;
        // Lookarounds are zero-width: generate around them and let the caller's regex filter decide.
        lookaround = prefix !== '?:';
      }
      const inner = this.alternation();
      if (this.src[this.pos++] !== ')') throw new Unsupported();
      return lookaround ? { kind: 'seq', items: [] } : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return { kind: 'chars', chars: this.escape(false) };
    if (c === undefined || c === '*' || c === '+' || c === '?' || c === '{' || c === ')')
      throw new Unsupported();
    const cp = this.src.codePointAt(this.pos - 1) ?? 0;
    if (cp > 0xffff) this.pos++;
    return { kind: 'chars', chars: [String.fromCodePoint(cp)] };
  }

  private escape(inClass: boolean): string[] {
    const c = this.src[this.pos++];
    switch (c) {
      case 'd':
        return DIGITS;
      case 'w':
        return WORD;
      case 's':
        return SPACE;
      case 'D':
        return POOL.filter((ch) => !/\d/.test(ch));
      case 'W':
        return POOL.filter((ch) => !/\w/.test(ch));
      case 'S':
        return POOL.filter((ch) => !/\s/u.test(ch));
      case 'n':
        return ['\n'];
      case 't':
        return ['\t'];
      case 'r':
        return ['\r'];
      case 'u': {
        const match = /^\{([0-9a-f]+)\}|^([0-9a-f]{4})/i.exec(this.src.slice(this.pos));
        if (!match) throw new Unsupported();
        this.pos += match[0].length;
        return [String.fromCodePoint(Number.parseInt(match[1] ?? match[2] ?? '0', 16))];
      }
      case undefined:
        throw new Unsupported();
      default:
        if (/[a-zA-Z0-9]/.test(c) && !(inClass && c === 'b')) throw new Unsupported();
        return [c];
    }
  }

  private charClass(): Node {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const chars: string[] = [];
    const ranges: [number, number][] = [];
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      const c = this.peek();
      if (c === undefined) throw new Unsupported();
      let lowChars: string[];
      if (c === '\\') {
        this.pos++;
        lowChars = this.escape(true);
      } else {
        const cp = this.src.codePointAt(this.pos) ?? 0;
        this.pos += cp > 0xffff ? 2 : 1;
        lowChars = [String.fromCodePoint(cp)];
      }
      const low = lowChars.length === 1 ? lowChars[0] : undefined;
      if (low !== undefined && this.peek() === '-' && this.src[this.pos + 1] !== ']') {
        this.pos++;
        const escaped = this.src[this.pos] === '\\';
        if (escaped) this.pos++;
        const hiChars = escaped ? this.escape(true) : [this.takeCodePoint()];
        const high = hiChars[0] ?? low;
        ranges.push([low.codePointAt(0) ?? 0, high.codePointAt(0) ?? 0]);
      } else chars.push(...lowChars);
    }
    this.pos++;
    const inClass = (ch: string): boolean => {
      const cp = ch.codePointAt(0) ?? 0;
      return chars.includes(ch) || ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
    };
    if (negated) return { kind: 'chars', chars: POOL.filter((ch) => !inClass(ch)) };
    for (const [lo, hi] of ranges) {
      for (const cp of new Set([lo, hi, Math.floor((lo + hi) / 2)])) chars.push(String.fromCodePoint(cp));
      if (hi - lo < 64) for (let cp = lo + 1; cp < hi; cp++) chars.push(String.fromCodePoint(cp));
    }
    return { kind: 'chars', chars };
  }

  private takeCodePoint(): string {
    const cp = this.src.codePointAt(this.pos) ?? 0;
    this.pos += cp > 0xffff ? 2 : 1;
    return String.fromCodePoint(cp);
  }
}

type Mode = 'min' | 'max' | 'random';

function build(node: Node, mode: Mode, random: Random): string {
  switch (node.kind) {
    case 'seq':
      return node.items.map((item) => build(item, mode, random)).join('');
    case 'alt':
      return build(mode === 'random' ? random.pick(node.options) : (node.options[0] as Node), mode, random);
    case 'repeat': {
      const times = mode === 'min' ? node.min : mode === 'max' ? node.max : random.int(node.min, node.max);
      return Array.from({ length: times }, () => build(node.node, mode, random)).join('');
    }
    case 'chars':
      if (node.chars.length === 0) throw new Unsupported();
      return mode === 'random' ? random.pick(node.chars) : (node.chars[0] as string);
    case 'anchor':
      return '';
  }
}

function anchored(node: Node, at: 'start' | 'end'): boolean {
  if (node.kind === 'anchor') return node.at === at;
  if (node.kind === 'alt') return node.options.every((option) => anchored(option, at));
  if (node.kind !== 'seq') return false;
  const edge = at === 'start' ? node.items[0] : node.items[node.items.length - 1];
  return edge !== undefined && anchored(edge, at);
}

/** What a pattern can generate, and whether free text may be added after a match. */
export interface PatternPlan {
  /** Builds one string from the pattern in the given mode. */
  build(mode: Mode): string;
  /** True when the pattern is not anchored at the end, so padding may follow a match. */
  openEnd: boolean;
}

/**
 * Parses a simple regular expression (literals, classes, groups, alternation, quantifiers, anchors) into a
 * string generator; returns undefined for lookarounds, backreferences and other constructs it does not model,
 * in which case callers fall back to generic candidates and filter.
 */
export function planPattern(source: string, random: Random): PatternPlan | undefined {
  try {
    const node = new Parser(source).parse();
    build(node, 'min', random);
    return {
      build: (mode) => {
        try {
          return build(node, mode, random);
        } catch {
          return '';
        }
      },
      openEnd: !anchored(node, 'end'),
    };
  } catch {
    return undefined;
  }
}
