import type { Account } from '../accounts';
import { DATABASE_CONNECTION } from '../stable-ids';

/**
 * The subset of Auth0's user search (v3, Lucene syntax) the dev tenant understands:
 * - `field:value`, `field:"quoted phrase"`, and a bare `value` (searches email and name);
 * - `*` wildcards in unquoted values (a leading `*` needs at least 3 literal characters);
 * - `AND`, `OR`, `NOT` (upper case), parentheses; juxtaposed terms are OR-ed (Lucene's default),
 *   and `NOT` terms among OR-ed ones exclude, as in Lucene (`a NOT b` is a without b);
 * - backslash escapes (`name:jane\ doe`);
 * - fields: email, name, nickname (case-insensitive), user_id, email.domain, identities.connection,
 *   blocked, email_verified (case-sensitive; the last two take `true`/`false`).
 * Values match the whole field, like Auth0's keyword fields: `name:jane` does not find "Jane Doe",
 * `name:jane*` does. Anything else (ranges, fuzzy, `+`/`-`, metadata, unknown fields) is refused.
 */
export type UserPredicate = (account: Account) => boolean;

/** A query outside the supported subset; the Management API answers 400 `invalid_query_string`. */
export class UserQueryError extends Error {}

const STAR = Symbol('wildcard');
type Pattern = (string | typeof STAR)[];

type Token =
  | { kind: '(' | ')' | 'AND' | 'OR' | 'NOT' }
  | { kind: 'term'; field: string | undefined; pattern: Pattern; quoted: boolean };

type Node =
  | { kind: 'match'; predicate: UserPredicate }
  | { kind: 'and'; left: Node; right: Node }
  | { kind: 'or'; operands: Node[] }
  | { kind: 'not'; operand: Node };

const MAX_LENGTH = 2000;
const MAX_DEPTH = 32;
const UNSUPPORTED = new Set(['?', '~', '^', '[', ']', '{', '}', '/', '!', '&', '"']);

type FieldReader = (account: Account) => string;

const TEXT_FIELDS: Record<string, { read: FieldReader; caseInsensitive: boolean }> = {
  email: { read: (a) => a.email, caseInsensitive: true },
  name: { read: (a) => a.name, caseInsensitive: true },
  nickname: { read: (a) => a.nickname, caseInsensitive: true },
  user_id: { read: (a) => a.userId, caseInsensitive: false },
  'email.domain': { read: (a) => a.email.slice(a.email.lastIndexOf('@') + 1), caseInsensitive: false },
  'identities.connection': { read: () => DATABASE_CONNECTION, caseInsensitive: false },
};

const BOOLEAN_FIELDS: Record<string, (account: Account) => boolean> = {
  blocked: (a) => a.blocked,
  email_verified: (a) => a.emailVerified,
};

/** Parses a `q` parameter into a predicate on accounts; throws `UserQueryError` when unsupported. */
export function parseUserQuery(q: string): UserPredicate {
  if (q.length > MAX_LENGTH) throw new UserQueryError(`the query is longer than ${MAX_LENGTH} characters`);
  const tokens = tokenize(q);
  if (tokens.length === 0) return () => true;
  const parser = new Parser(tokens);
  return evaluate(parser.parse());
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    let text = '';
    i += 1;
    while (i < q.length && q[i] !== '"') {
      if (q[i] === '\\' && i + 1 < q.length) i += 1;
      text += q[i];
      i += 1;
    }
    if (i >= q.length) throw new UserQueryError('unterminated quoted phrase');
    i += 1;
    if (text === '') throw new UserQueryError('empty quoted phrase');
    return text;
  };
  const readPattern = (): Pattern => {
    const pattern: Pattern = [];
    while (i < q.length && !/[\s()]/.test(q[i])) {
      const char = q[i];
      if (char === '\\') {
        if (i + 1 >= q.length) throw new UserQueryError('the query ends with a lone backslash');
        pattern.push(q[i + 1]);
        i += 2;
        continue;
      }
      if (char === '*') pattern.push(STAR);
      else if (char === ':') throw new UserQueryError('a value contains an unescaped ":"');
      else if (UNSUPPORTED.has(char))
        throw new UserQueryError(
          `"${char}" is not supported (no ranges, fuzzy, boost, regular expressions or && || !)`,
        );
      else pattern.push(char);
      i += 1;
    }
    return pattern;
  };

  while (i < q.length) {
    const char = q[i];
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char });
      i += 1;
    } else if (char === '"') {
      tokens.push({ kind: 'term', field: undefined, pattern: [...readQuoted()], quoted: true });
    } else if (char === '+' || char === '-') {
      throw new UserQueryError(`the "${char}" prefix is not supported: use AND / NOT`);
    } else {
      const fieldMatch = /^([A-Za-z_][\w.]*):/.exec(q.slice(i));
      if (fieldMatch) {
        i += fieldMatch[0].length;
        const field = fieldMatch[1];
        if (q[i] === '"') {
          tokens.push({ kind: 'term', field, pattern: [...readQuoted()], quoted: true });
          continue;
        }
        if (q[i] === '(') throw new UserQueryError(`grouping after a field (${field}:( … )) is not supported`);
        const pattern = readPattern();
        if (pattern.length === 0) throw new UserQueryError(`no value after ${field}:`);
        if (pattern[0] === '+' || pattern[0] === '-')
          throw new UserQueryError(`the "${String(pattern[0])}" prefix is not supported: use AND / NOT`);
        tokens.push({ kind: 'term', field, pattern, quoted: false });
        continue;
      }
      const start = i;
      const pattern = readPattern();
      const word = q.slice(start, i);
      if (word === 'AND' || word === 'OR' || word === 'NOT') tokens.push({ kind: word });
      else tokens.push({ kind: 'term', field: undefined, pattern, quoted: false });
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest) throw new UserQueryError(rest.kind === ')' ? 'unbalanced ")"' : `unexpected ${rest.kind}`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private parseOr(): Node {
    const operands = [this.parseAnd()];
    for (let next = this.peek(); next && next.kind !== ')'; next = this.peek()) {
      if (next.kind === 'OR') this.position += 1;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): Node {
    let left = this.parseUnary();
    while (this.peek()?.kind === 'AND') {
      this.position += 1;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Node {
    if (this.peek()?.kind === 'NOT') {
      this.position += 1;
      return { kind: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const token = this.tokens[this.position++];
    if (!token) throw new UserQueryError('the query ends with an operator');
    if (token.kind === 'term')
      return { kind: 'match', predicate: termPredicate(token.field, token.pattern, token.quoted) };
    if (token.kind !== '(')
      throw new UserQueryError(token.kind === ')' ? 'unbalanced ")"' : `${token.kind} needs a term on each side`);
    if (++this.depth > MAX_DEPTH) throw new UserQueryError(`parentheses nest deeper than ${MAX_DEPTH}`);
    if (this.peek()?.kind === ')') throw new UserQueryError('empty parentheses');
    const inner = this.parseOr();
    if (this.tokens[this.position++]?.kind !== ')') throw new UserQueryError('missing ")"');
    this.depth -= 1;
    return inner;
  }
}

function evaluate(node: Node): UserPredicate {
  switch (node.kind) {
    case 'match':
      return node.predicate;
    case 'not': {
      const operand = evaluate(node.operand);
      return (account) => !operand(account);
    }
    case 'and': {
      const [left, right] = [evaluate(node.left), evaluate(node.right)];
      return (account) => left(account) && right(account);
    }
    case 'or': {
      // Lucene: among OR-ed clauses, NOT clauses are exclusions, not alternatives.
      const excluded = node.operands
        .filter((o) => o.kind === 'not')
        .map((o) => evaluate((o as { operand: Node }).operand));
      const alternatives = node.operands.filter((o) => o.kind !== 'not').map(evaluate);
      return (account) =>
        (alternatives.length === 0 || alternatives.some((matches) => matches(account))) &&
        !excluded.some((matches) => matches(account));
    }
  }
}

function termPredicate(field: string | undefined, pattern: Pattern, quoted: boolean): UserPredicate {
  if (field !== undefined && field in BOOLEAN_FIELDS) {
    const value = pattern.includes(STAR) ? '*' : pattern.join('');
    if (value !== 'true' && value !== 'false') throw new UserQueryError(`${field} takes true or false`);
    const read = BOOLEAN_FIELDS[field];
    return (account) => read(account) === (value === 'true');
  }
  if (!quoted && pattern[0] === STAR && pattern.filter((part) => part !== STAR).length < 3) {
    throw new UserQueryError('a leading wildcard needs at least 3 literal characters');
  }
  if (field === undefined) {
    const matches = matcher(pattern, true);
    return (account) => matches(account.email) || matches(account.name);
  }
  const text = TEXT_FIELDS[field];
  if (!text) throw new UserQueryError(`the field "${field}" is not supported`);
  const matches = matcher(pattern, text.caseInsensitive);
  return (account) => matches(text.read(account));
}

function matcher(pattern: Pattern, caseInsensitive: boolean): (value: string) => boolean {
  const source = pattern.map((part) => (part === STAR ? '.*' : part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))).join('');
  const regex = new RegExp(`^${source}$`, caseInsensitive ? 'isu' : 'su');
  return (value) => regex.test(value);
}
