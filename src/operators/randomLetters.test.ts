import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../test/kit/random.js';
import { isRandomLetters } from './randomLetters.js';
import { messageTemplate } from './messageTemplate.js';

/** Identifiers, class names and brand words as apps and libraries log them: none is an id. */
const IDENTIFIERS =
  `getUserById JavaScript PostgreSQL McDonald OpenAI IsADirectoryError MultiValueDictKeyError
  JSONDecodeError ObjectDoesNotExist ValidationError TwilioRestException ConnectionResetError HttpResponseBadRequest
  WhatsApp LinkedIn DjangoJSONEncoder QuerySet ForeignKey ManyToManyField CharField tearDown AbortController
  XMLHttpRequest innerHTML getElementById NoneType DateTimeField AutoField SMSMessage sendSMS HTTPServer SSLError
  MaxRetryError ReadTimeout APIConnectionError RateLimitError AuthenticationError BadRequestError PermissionDenied
  SuspiciousOperation handleIncomingSms sendReplySms TwilioClient MessagingResponse messageSid AccountSid
  MessageStatus ErrorMessage StatusCallback WSGIHandler CsrfViewMiddleware GZipMiddleware OperationalError
  IntegrityError ProgrammingError NotImplementedError BrokenPipeError FileNotFoundError ZeroDivisionError
  Content-Type X-Forwarded-For Non-Field`.split(/\s+/);

/** Python's secrets.token_urlsafe(bytes): 4/3 characters a byte of A-Z a-z 0-9 - _. */
function tokenUrlsafe(random: Random, bytes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: Math.ceil((bytes * 4) / 3) }, () => random.pick([...alphabet])).join('');
}

test('identifiers are words, not random letters', () => {
  for (const word of IDENTIFIERS) assert.equal(isRandomLetters(word), false, word);
  for (const word of IDENTIFIERS)
    assert.equal(messageTemplate(`Raised ${word} in handler`), `Raised ${word} in handler`);
});

test('random letters in both cases, with or without - and _, are ids', () => {
  for (const id of [
    'nIeviyLMoSaH',
    'YxW-KnllgjzX',
    'VCGVe_XMtVLo',
    'RJnoyudJJfqE',
    'ugTZlFJnqCXX',
    'acfgqyujUNk_',
  ])
    assert.equal(isRandomLetters(id), true, id);
  assert.equal(isRandomLetters('ab3-vpcjI'), true, 'letters and digits joined by -');
  assert.equal(isRandomLetters('aBcDeF'), false, 'shorter than 8: too often a word');
});

/**
 * The share of token_urlsafe ids a template keeps (so a statement splits): letters-only draws
 * that read like an identifier. Short ids are the known limit of judging a token by its shape.
 */
for (const [bytes, bound] of [
  [9, 0.025],
  [12, 0.004],
  [16, 0.0005],
] as const)
  test(`token_urlsafe(${bytes}) job ids: kept at most ${bound * 100} % of the time`, () => {
    const random = new Random(20261203 + bytes);
    const wanted = 'Retry budget exhausted for <*> after <*> attempts (job <*>)';
    const runs = 20_000;
    const kept: string[] = [];
    for (let i = 0; i < runs; i++) {
      const id = tokenUrlsafe(random, bytes);
      if (messageTemplate(`Retry budget exhausted for user_4411 after 3 attempts (job ${id})`) !== wanted)
        kept.push(id);
    }
    assert.ok(kept.length <= runs * bound, `${kept.length} of ${runs} kept: ${kept.slice(0, 5).join(' ')}`);
  });
