/** Where a JSON text stops being valid, found by a small scanner (Node 20's JSON.parse omits positions). */
export interface JsonSyntaxProblem {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

class Scanner {
  offset = 0;
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new ScanError(this.offset, message);
  }

  skipWhitespace(): void {
    while (this.offset < this.text.length && WHITESPACE.has(this.text.charAt(this.offset))) this.offset += 1;
  }

  describeHere(): string {
    if (this.offset >= this.text.length) return 'unexpected end of input';
    return `unexpected ${JSON.stringify(this.text.charAt(this.offset))}`;
  }

  value(depth: number): void {
    // The scanner recurses; past this depth the position is less useful than not overflowing the stack.
    if (depth > 4000) this.fail('nesting too deep to locate the error');
    this.skipWhitespace();
    const char = this.text.charAt(this.offset);
    if (char === '{') this.object(depth + 1);
    else if (char === '[') this.array(depth + 1);
    else if (char === '"') this.string();
    else if (char === '-' || (char >= '0' && char <= '9')) this.number();
    else if (this.text.startsWith('true', this.offset)) this.offset += 4;
    else if (this.text.startsWith('false', this.offset)) this.offset += 5;
    else if (this.text.startsWith('null', this.offset)) this.offset += 4;
    else this.fail(`${this.describeHere()}, expected a JSON value`);
  }

  object(depth: number): void {
    this.offset += 1;
    this.skipWhitespace();
    if (this.text.charAt(this.offset) === '}') {
      this.offset += 1;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charAt(this.offset) !== '"')
        this.fail(`${this.describeHere()}, expected a property name in double quotes`);
      this.string();
      this.skipWhitespace();
      if (this.text.charAt(this.offset) !== ':') this.fail(`${this.describeHere()}, expected ':'`);
      this.offset += 1;
      this.value(depth);
      this.skipWhitespace();
      const next = this.text.charAt(this.offset);
      this.offset += 1;
      if (next === '}') return;
      if (next !== ',') {
        this.offset -= 1;
        this.fail(`${this.describeHere()}, expected ',' or '}'`);
      }
    }
  }

  array(depth: number): void {
    this.offset += 1;
    this.skipWhitespace();
    if (this.text.charAt(this.offset) === ']') {
      this.offset += 1;
      return;
    }
    for (;;) {
      this.value(depth);
      this.skipWhitespace();
      const next = this.text.charAt(this.offset);
      this.offset += 1;
      if (next === ']') return;
      if (next !== ',') {
        this.offset -= 1;
        this.fail(`${this.describeHere()}, expected ',' or ']'`);
      }
    }
  }

  string(): void {
    this.offset += 1;
    while (this.offset < this.text.length) {
      const char = this.text.charAt(this.offset);
      if (char === '"') {
        this.offset += 1;
        return;
      }
      if (char === '\\') {
        const escaped = this.text.charAt(this.offset + 1);
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))) {
            this.fail('invalid \\u escape in string');
          }
          this.offset += 6;
        } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') {
          this.offset += 2;
        } else {
          this.fail('invalid escape in string');
        }
      } else if (char < ' ') {
        this.fail('control character in string (escape it)');
      } else {
        this.offset += 1;
      }
    }
    this.fail('unterminated string');
  }

  number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.offset, this.offset + 400),
    );
    if (match === null) this.fail('invalid number');
    this.offset += match[0].length;
  }
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** 1-based line and column (in UTF-16 code units) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Finds the first syntax error in `text`, or `undefined` when it is valid JSON. Used only after
 * `JSON.parse` has failed, to report `file:line:col`.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.value(0);
    scanner.skipWhitespace();
    if (scanner.offset < text.length) scanner.fail(`${scanner.describeHere()} after the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { offset: error.offset, ...lineColumn(text, error.offset), message: error.message };
  }
}
