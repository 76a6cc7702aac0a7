import { describe, expect, it } from 'vitest';
import { createScrubber, scrub, scrubStackAndMessage, type Scrubber } from '../../src/scrub';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu';

/** Text scrubbed as it should be: [input, expected]. */
type Case = readonly [string, string];

const EMAILS: readonly Case[] = [
  ['contact bob@example.com now', 'contact [EMAIL] now'],
  ['alice.smith+test@example.com', '[EMAIL]'],
  ['x@mail.corp.example.co.uk signed up', '[EMAIL] signed up'],
  ['{"email":"bob@example.com","id":7}', '{"email":"[EMAIL]","id":7}'],
  ['https://x.io/u?email=bob@example.com&page=2', 'https://x.io/u?email=[EMAIL]&page=2'],
  ['mailto:bob@example.com', 'mailto:[EMAIL]'],
  ['From: "Bob" <bob@example.com>', 'From: "Bob" <[EMAIL]>'],
  ['BOB.SMITH@EXAMPLE.COM', '[EMAIL]'],
  ['user123@example.io failed', '[EMAIL] failed'],
  ['first_last@my-company.org', '[EMAIL]'],
  ["{ email: 'bob@example.com' }", "{ email: '[EMAIL]' }"],
  ['mail to bob@example.com.', 'mail to [EMAIL].'],
  ['[bob@example.com]', '[EMAIL]'],
  ['a@example.xn--p1ai', '[EMAIL]'],
  ['GET /users?email=bob%40example.com HTTP/1.1', 'GET /users?email=[EMAIL] HTTP/1.1'],
  ['duplicate key: bob@example.com, alice@example.com', 'duplicate key: [EMAIL], [EMAIL]'],
  ["o'brien@example.ie", "o'[EMAIL]"],
  ['User bob@example.com not found (at 2026-04-11T14:23:01Z)', 'User [EMAIL] not found (at 2026-04-11T14:23:01Z)'],
];

const CARDS: readonly Case[] = [
  ['card 4111111111111111 declined', 'card [CREDIT_CARD] declined'],
  ['5555555555554444', '[CREDIT_CARD]'],
  ['amex 378282246310005', 'amex [CREDIT_CARD]'],
  ['discover 6011111111111117', 'discover [CREDIT_CARD]'],
  ['jcb 3530111333300000', 'jcb [CREDIT_CARD]'],
  ['mastercard 2223003122003222', 'mastercard [CREDIT_CARD]'],
  ['diners 30569309025904', 'diners [CREDIT_CARD]'],
  ['visa13 4222222222222', 'visa13 [CREDIT_CARD]'],
  ['19 digits 4111111111111111110', '19 digits [CREDIT_CARD]'],
  ['card 4111 1111 1111 1111 declined', 'card [CREDIT_CARD] declined'],
  ['card 4111-1111-1111-1111', 'card [CREDIT_CARD]'],
  ['amex 3782 822463 10005', 'amex [CREDIT_CARD]'],
  ['amex 3782-822463-10005', 'amex [CREDIT_CARD]'],
  ['4111 1111 1111 1111 110', '[CREDIT_CARD]'],
  ['card 4111 1111 1111 1111 12/25', 'card [CREDIT_CARD] 12/25'],
  ['{"card":"4111111111111111"}', '{"card":"[CREDIT_CARD]"}'],
  ['pan=5105105105105100;', 'pan=[CREDIT_CARD];'],
  ['(4012888888881881)', '([CREDIT_CARD])'],
  ['order 12 4111 1111 1111 1111', 'order 12 [CREDIT_CARD]'],
  ['epoch-like but 4-prefixed 13 digits 4000000000006', 'epoch-like but 4-prefixed 13 digits [CREDIT_CARD]'],
];

const IPV4: readonly Case[] = [
  ['from 10.0.0.1', 'from [IP_ADDRESS]'],
  ['connect ECONNREFUSED 127.0.0.1:5432', 'connect ECONNREFUSED [IP_ADDRESS]:5432'],
  ['client 203.0.113.7.', 'client [IP_ADDRESS].'],
  ['route 10.0.0.0/8', 'route [IP_ADDRESS]/8'],
  ['x-forwarded-for: 203.0.113.7, 198.51.100.2', 'x-forwarded-for: [IP_ADDRESS], [IP_ADDRESS]'],
  ['(192.168.1.254)', '([IP_ADDRESS])'],
  ['ip=8.8.8.8&x=1', 'ip=[IP_ADDRESS]&x=1'],
  ['"255.255.255.255"', '"[IP_ADDRESS]"'],
  ['http://172.16.0.3:8080/health', 'http://[IP_ADDRESS]:8080/health'],
  ['bare quad 1.2.3.4', 'bare quad [IP_ADDRESS]'],
];

const IPV6: readonly Case[] = [
  ['full 2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'full [IP_ADDRESS]'],
  ['compressed 2001:db8:85a3::8a2e:370:7334', 'compressed [IP_ADDRESS]'],
  ['loopback ::1', 'loopback [IP_ADDRESS]'],
  ['unspecified :: bound', 'unspecified [IP_ADDRESS] bound'],
  ['mapped ::ffff:192.0.2.128', 'mapped [IP_ADDRESS]'],
  ['mapped ::ffff:1.2.3.4:8080', 'mapped [IP_ADDRESS]:8080'],
  ['link-local fe80::1%eth0 up', 'link-local [IP_ADDRESS] up'],
  ['encoded zone fe80::1%25en0', 'encoded zone [IP_ADDRESS]'],
  ['[2001:db8::1]:8080', '[IP_ADDRESS]:8080'],
  ['http://[::1]:3000/', 'http://[IP_ADDRESS]:3000/'],
  ['listen [::]:80', 'listen [IP_ADDRESS]:80'],
  ['prefix 2001:db8:: assigned', 'prefix [IP_ADDRESS] assigned'],
  ['connect ECONNREFUSED ::1:3000', 'connect ECONNREFUSED [IP_ADDRESS]'],
  ['FE80::ABCD:1', '[IP_ADDRESS]'],
  ['1:2:3:4:5:6:7:8', '[IP_ADDRESS]'],
  ['64:ff9b::192.0.2.33', '[IP_ADDRESS]'],
  ['0:0:0:0:0:ffff:1.2.3.4', '[IP_ADDRESS]'],
  ['addr=2001:db8::5,', 'addr=[IP_ADDRESS],'],
  ['host fe80::1.', 'host [IP_ADDRESS].'],
  ['dead:beef::cafe', '[IP_ADDRESS]'],
];

const AUTH_SCHEMES: readonly Case[] = [
  ['Authorization: Bearer abc123def456', 'Authorization: Bearer [REDACTED_TOKEN]'],
  ['authorization: bearer abc', 'authorization: bearer [REDACTED_TOKEN]'],
  ['Authorization: Basic dXNlcjpwYXNz', 'Authorization: Basic [REDACTED_TOKEN]'],
  [`headers: { authorization: 'Bearer ${JWT}' }`, "headers: { authorization: 'Bearer [REDACTED_TOKEN]' }"],
  ['{"Authorization":"Bearer abc.def-ghi"}', '{"Authorization":"Bearer [REDACTED_TOKEN]"}'],
  ['Proxy-Authorization: Basic Zm9vOmJhcg==', 'Proxy-Authorization: Basic [REDACTED_TOKEN]'],
  ['rejected Bearer AbCdEfGh12345', 'rejected Bearer [REDACTED_TOKEN]'],
  ['rejected BEARER AbCdEfGh12345.', 'rejected BEARER [REDACTED_TOKEN].'],
  ['sent Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', 'sent Basic [REDACTED_TOKEN]'],
  ['x-auth: Token 9f8e7d6c5b4a', 'x-auth: Token [REDACTED_TOKEN]'],
];

const SECRETS: readonly Case[] = [
  ['password=hunter2', 'password=[REDACTED_SECRET]'],
  ['"api_key": "abc"', '"api_key": "[REDACTED_SECRET]"'],
  ['token: abc', 'token: [REDACTED_SECRET]'],
  ['GET /cb?access_token=xyz&x=1', 'GET /cb?access_token=[REDACTED_SECRET]&x=1'],
  ['/cb?code=1&refresh_token=r1.r2&state=s', '/cb?code=1&refresh_token=[REDACTED_SECRET]&state=s'],
  ['Cookie: a=1; b=2', 'Cookie: a=[REDACTED_SECRET]; b=[REDACTED_SECRET]'],
  ['Set-Cookie: sid=abc123; Path=/; HttpOnly; Secure', 'Set-Cookie: sid=[REDACTED_SECRET]; Path=/; HttpOnly; Secure'],
  ['set-cookie: session=s%3Axyz.abc; Max-Age=3600; SameSite=Lax', 'set-cookie: session=[REDACTED_SECRET]; Max-Age=3600; SameSite=Lax'],
  ["{ password: 'hunter2', user: 'bob' }", "{ password: '[REDACTED_SECRET]', user: 'bob' }"],
  ['{"password":"hunter2","user":"bob"}', '{"password":"[REDACTED_SECRET]","user":"bob"}'],
  ['{\\"password\\":\\"hunter2\\"}', '{\\"password\\":\\"[REDACTED_SECRET]\\"}'],
  ['"pass\\"word": "x"', '"pass\\"word": "x"'],
  ['{"secret":"a\\"b","n":1}', '{"secret":"[REDACTED_SECRET]","n":1}'],
  ['PASSWORD=hunter2', 'PASSWORD=[REDACTED_SECRET]'],
  ['DB_PASSWORD=s3cr3t npm start', 'DB_PASSWORD=[REDACTED_SECRET] npm start'],
  ['db_password = "s3cr3t"', 'db_password = "[REDACTED_SECRET]"'],
  ['newPassword: x1', 'newPassword: [REDACTED_SECRET]'],
  ['stripeApiKey: "rk_abc"', 'stripeApiKey: "[REDACTED_SECRET]"'],
  ['x-api-key: abc123', 'x-api-key: [REDACTED_SECRET]'],
  ['X-API-KEY: abc123', 'X-API-KEY: [REDACTED_SECRET]'],
  ['apikey=abc', 'apikey=[REDACTED_SECRET]'],
  ['apiKey=abc', 'apiKey=[REDACTED_SECRET]'],
  ['client_secret=cs_1', 'client_secret=[REDACTED_SECRET]'],
  ['private_key: "-x-"', 'private_key: "[REDACTED_SECRET]"'],
  ['passwd=x', 'passwd=[REDACTED_SECRET]'],
  ['pwd=x', 'pwd=[REDACTED_SECRET]'],
  ['passphrase: correct horse', 'passphrase: [REDACTED_SECRET] horse'],
  ['secret=abc', 'secret=[REDACTED_SECRET]'],
  ['auth=u:p', 'auth=[REDACTED_SECRET]'],
  ['credentials: abc', 'credentials: [REDACTED_SECRET]'],
  ['session=abc', 'session=[REDACTED_SECRET]'],
  ['session_id=abc', 'session_id=[REDACTED_SECRET]'],
  ['sessionId: "abc"', 'sessionId: "[REDACTED_SECRET]"'],
  ['connect.sid=s%3Aabc', 'connect.sid=[REDACTED_SECRET]'],
  ['cookie=abc', 'cookie=[REDACTED_SECRET]'],
  ["cookie: 'a=1; b=2'", "cookie: '[REDACTED_SECRET]'"],
  ['aws_secret_access_key=wJalrXUtnFEMI/K7MDENG', 'aws_secret_access_key=[REDACTED_SECRET]'],
  ['spring.datasource.password=x', 'spring.datasource.password=[REDACTED_SECRET]'],
  ['--password=hunter2', '--password=[REDACTED_SECRET]'],
  ['Server=db;User Id=sa;Password=p@ss;Encrypt=true', 'Server=db;User Id=sa;Password=[REDACTED_SECRET];Encrypt=true'],
  ['token=abc,user=bob', 'token=[REDACTED_SECRET],user=bob'],
  ['jwt: abc', 'jwt: [REDACTED_SECRET]'],
  ['"pin":1234,"token":5678', '"pin":1234,"token":[REDACTED_SECRET]'],
  ["secret: `multi word`", 'secret: `[REDACTED_SECRET]`'],
  ['password: "never closed', 'password: "[REDACTED_SECRET]'],
  ['token: ab\ncd', 'token: [REDACTED_SECRET]\ncd'],
  ['token2=abc', 'token2=[REDACTED_SECRET]'],
  ['URLToken=abc', 'URLToken=[REDACTED_SECRET]'],
  ['x_csrf_token=abc', 'x_csrf_token=[REDACTED_SECRET]'],
  ['otp: 123456', 'otp: [REDACTED_SECRET]'],
  ['password=pass=word', 'password=[REDACTED_SECRET]'],
];

const TOKENS: readonly Case[] = [
  [`token ${JWT} expired`, 'token [REDACTED_TOKEN] expired'],
  [`"${JWT}"`, '"[REDACTED_TOKEN]"'],
  ['jwe eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ', 'jwe [REDACTED_TOKEN]'],
  ['key AKIAIOSFODNN7EXAMPLE used', 'key [REDACTED_TOKEN] used'],
  ['ASIAY34FZKBOKMUTVV7A', '[REDACTED_TOKEN]'],
  ['ghp_16C7e42F292c6912E7710c838347Ae178B4a', '[REDACTED_TOKEN]'],
  ['gho_16C7e42F292c6912E7710c838347Ae178B4a', '[REDACTED_TOKEN]'],
  ['ghu_16C7e42F292c6912E7710c838347Ae178B4a', '[REDACTED_TOKEN]'],
  ['ghs_16C7e42F292c6912E7710c838347Ae178B4a', '[REDACTED_TOKEN]'],
  ['ghr_16C7e42F292c6912E7710c838347Ae178B4a', '[REDACTED_TOKEN]'],
  ['github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij', '[REDACTED_TOKEN]'],
  ['stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe [REDACTED_TOKEN]'],
  ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', '[REDACTED_TOKEN]'],
  ['rk_live_51H8abcdEFGHijkl', '[REDACTED_TOKEN]'],
  ['pk_live_51H8abcdEFGHijkl', '[REDACTED_TOKEN]'],
  ['pk_test_TYooMQauvdEDq54NiTphI7jx', '[REDACTED_TOKEN]'],
  ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '[REDACTED_TOKEN]'],
  ['slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'slack [REDACTED_TOKEN]'],
  ['xoxp-1234-5678-abcdefghij', '[REDACTED_TOKEN]'],
  ['xapp-1-A0123456789-1234567890123-abcdef', '[REDACTED_TOKEN]'],
  ['key=AIzaSyA1234567890abcdefghijklmnopqrstuv', 'key=[REDACTED_TOKEN]'],
  ['openai sk-proj-Abcdefghij1234567890XYZabc', 'openai [REDACTED_TOKEN]'],
  ['sk-T3BlbkFJabc123XYZdefGHI456jkl', '[REDACTED_TOKEN]'],
  [`-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\nnext line`, '[REDACTED_TOKEN]\nnext line'],
  [`-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n-----END PRIVATE KEY-----`, '[REDACTED_TOKEN]'],
  [`key: -----BEGIN EC PRIVATE KEY-----\\n${PEM_BODY}\\n-----END EC PRIVATE KEY-----\\n", "x": 1`, 'key: [REDACTED_TOKEN]\\n", "x": 1'],
  [`-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM_BODY}\n-----END OPENSSH PRIVATE KEY-----`, '[REDACTED_TOKEN]'],
  [`cut: -----BEGIN ENCRYPTED PRIVATE KEY-----\n${PEM_BODY}`, 'cut: [REDACTED_TOKEN]'],
  ['-----BEGIN PGP PRIVATE KEY BLOCK-----\nabc\n-----END PGP PRIVATE KEY BLOCK-----', '[REDACTED_TOKEN]'],
];

const URL_PASSWORDS: readonly Case[] = [
  ['postgres://user:pass@host', 'postgres://user:[REDACTED_SECRET]@host'],
  ['failed to connect to postgres://app:s3cr3t@db.example.com:5432/orders', 'failed to connect to postgres://app:[REDACTED_SECRET]@db.example.com:5432/orders'],
  ['mongodb+srv://admin:Pa55w0rd@cluster0.example.net/test', 'mongodb+srv://admin:[REDACTED_SECRET]@cluster0.example.net/test'],
  ['redis://:hunter2@cache:6379', 'redis://:[REDACTED_SECRET]@cache:6379'],
  ['amqp://guest:guest@localhost:5672/', 'amqp://guest:[REDACTED_SECRET]@localhost:5672/'],
  ['https://bob:pw@example.com/x', 'https://bob:[REDACTED_SECRET]@example.com/x'],
  ['mysql://root:p@ss@db.local/app', 'mysql://root:[REDACTED_SECRET]@db.local/app'],
  ['jdbc:mysql://u:p@h:3306/d', 'jdbc:mysql://u:[REDACTED_SECRET]@h:3306/d'],
  ['"DATABASE_URL":"postgresql://u:secret@db.example.com/app"', '"DATABASE_URL":"postgresql://u:[REDACTED_SECRET]@db.example.com/app"'],
  ['//u:p@cdn.example.com/x', '//u:[REDACTED_SECRET]@cdn.example.com/x'],
  ['user only ssh://git@github.example.com/o/r', 'user only ssh://[EMAIL]/o/r'],
];

/** Text that must come out exactly as it went in. */
const UNCHANGED: readonly string[] = [
  // stack frames and module paths
  '    at processOrder (/srv/app/src/routes/orders.js:42:17)',
  '    at Module._compile (node:internal/modules/cjs/loader:1554:14)',
  '    at file:///srv/app/dist/index.mjs:3:7',
  '    at async Promise.all (index 0)',
  '    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
  '    at /home/deploy/app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/lodash.js:1:1',
  '    at webpack-internal:///./src/pages/index.tsx:12:9',
  'node_modules/.pnpm/@types+node@20.11.0/node_modules/@types/node/index.d.ts',
  'import x from "@babel/core"',
  // time
  '2026-04-11T14:23:01.123Z',
  '2026-04-11T14:23:01.123456+00:00',
  'at 12:30:45 and 12:30:45.123',
  'created 1712345678907 (epoch ms, Luhn-valid)',
  'created 2712345678906',
  'took 12ms, then 1.5s, then 250µs',
  // versions
  'node v20.11.0',
  'version 1.2.3',
  'v1.2.3.4',
  'lib 1.2.3.4.5',
  'Chrome/120.0.6099.109',
  'react@18.2.0',
  'version 1.2.3-beta.1+build.5',
  // ids and hashes
  '123e4567-e89b-12d3-a456-426614174000',
  '12345678-1234-1234-1234-123456789012',
  'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
  'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'order 4111111111111112 (Luhn-invalid)',
  'order 1234567890123456',
  'id 411111111111',
  'big 41111111111111111111',
  'id4111111111111111',
  'cus_4111111111111111',
  'ratio 0.4111111111111111',
  'call +4111111111111',
  'date 2024-01-15 10:30',
  'mixed 4111-1111 1111-1111',
  'phone 1-800-555-1234',
  // network-looking things that are not addresses
  'HTTP 503 Service Unavailable',
  'status 404 on port 8080',
  'listening on :3000',
  'mac aa:bb:cc:dd:ee:ff',
  'std::vector<int>::iterator',
  'a::b',
  'Foo::Bar::baz',
  'crate::module::func',
  'dead:beef',
  '1:2:3:4:5:6:7',
  '1:2:3:4:5:6:7:8:9',
  'a:::b',
  '::1::2',
  'css ::before and ::after',
  '256.1.1.1',
  '10.0.0',
  'a1.2.3.4',
  'https://example.com/path?q=1',
  'user@localhost',
  'a@b',
  'foo @ bar',
  '@Injectable()',
  // words that contain key names
  'tokenizer: bert',
  'passwordless: true',
  'sessionStorage: x',
  'authorized: yes',
  'max_tokens=4096',
  'author=bob',
  'oauth: google',
  'monkey=1',
  'cache_key=user:42',
  'password: null',
  'token: undefined',
  'auth: true',
  'if (a == password) return',
  'token === expected',
  'password != other',
  'password => x',
  'credentials: { user: 1 }',
  'token: [Object]',
  'password=',
  'password: <hidden>',
  'token: (none)',
  // formats near credential formats
  'AKIA123',
  'ghp_short',
  'risk-free task-queue-worker-abcdefghijklmnopqrstuvwxyz',
  'sk-learn',
  'xoxo-gossip',
  '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  '-----BEGIN PUBLIC KEY-----',
  'eyJ alone',
  'Bearer authentication is required',
  'Basic auth failed',
  'use Bearer tokens',
  // glued to brackets, as a match next to a placeholder would be
  'arr[0]10.0.0.1',
  '10.0.0.1[0]',
  'x]bob@example.com',
  // prose
  'Cannot read properties of undefined (reading \'email\')',
  'Maximum call stack size exceeded',
  '',
  'ünïcödé 😀 text',
];

function table(name: string, cases: readonly Case[]): void {
  describe(name, () => {
    it.each(cases)('%j', (input, expected) => {
      expect(scrub(input)).toBe(expected);
      expect(scrub(expected)).toBe(expected);
    });
  });
}

table('emails become [EMAIL]', EMAILS);
table('Luhn-valid card numbers become [CREDIT_CARD]', CARDS);
table('IPv4 addresses become [IP_ADDRESS]', IPV4);
table('IPv6 addresses become [IP_ADDRESS]', IPV6);
table('Authorization credentials become [REDACTED_TOKEN]', AUTH_SCHEMES);
table('sensitive values become [REDACTED_SECRET], key kept', SECRETS);
table('credential formats become [REDACTED_TOKEN]', TOKENS);
table('URL passwords become [REDACTED_SECRET], never [EMAIL]', URL_PASSWORDS);

describe('left unchanged', () => {
  it.each(UNCHANGED)('%j', (input) => expect(scrub(input)).toBe(input));
});

describe('scrub', () => {
  it('handles a full report', () => {
    const report = [
      'PaymentError: card 4111 1111 1111 1111 declined for alice@example.com (client 10.1.2.3)',
      '    at charge (/srv/app/pay.js:42:11)',
      '    at async POST /api/orders (/srv/app/routes.js:7:3)',
    ].join('\n');
    expect(scrub(report)).toBe(
      [
        'PaymentError: card [CREDIT_CARD] declined for [EMAIL] (client [IP_ADDRESS])',
        '    at charge (/srv/app/pay.js:42:11)',
        '    at async POST /api/orders (/srv/app/routes.js:7:3)',
      ].join('\n'),
    );
  });

  it('prefers [REDACTED_SECRET] when a secret value is also an email or a card', () => {
    expect(scrub('password=bob@example.com')).toBe('password=[REDACTED_SECRET]');
    expect(scrub('token: 4111111111111111')).toBe('token: [REDACTED_SECRET]');
  });

  it('merges overlapping matches into one placeholder', () => {
    expect(scrub('secret: 4111 1111 1111 1111 end')).toBe('secret: [REDACTED_SECRET] end');
  });

  it('keeps surrogate pairs whole around placeholders', () => {
    expect(scrub('😀bob@example.com😀')).toBe('😀[EMAIL]😀');
    expect(scrub('password=😀😀 x')).toBe('password=[REDACTED_SECRET] x');
  });

  it('converts a non-string with String(), or to an empty string when that throws', () => {
    const call = scrub as (value: unknown) => string;
    expect(call(4111111111111111)).toBe('[CREDIT_CARD]');
    expect(call(null)).toBe('null');
    expect(call(undefined)).toBe('undefined');
    expect(call(Symbol('x'))).toBe('Symbol(x)');
    expect(call({ toString: () => 'bob@example.com' })).toBe('[EMAIL]');
    expect(
      call({
        toString() {
          throw new Error('no');
        },
      }),
    ).toBe('');
  });

  it('returns a text without anything to scrub as the same string', () => {
    const text = 'nothing to see here';
    expect(scrub(text)).toBe(text);
  });
});

describe('createScrubber', () => {
  it('returns scrub itself when there is nothing extra', () => {
    expect(createScrubber([])).toBe(scrub);
  });

  it('runs the built-in rules, then each extra scrubber in order', () => {
    const calls: string[] = [];
    const scrubText = createScrubber([
      (text) => {
        calls.push(text);
        return text.replace('acme', 'ACME');
      },
      { pattern: /ACME/, replacement: '[CUSTOMER]' },
    ]);
    expect(scrubText('acme: bob@example.com')).toBe('[CUSTOMER]: [EMAIL]');
    expect(calls).toEqual(['acme: [EMAIL]']);
  });

  it('applies a pattern without the g flag to every match, with [REDACTED] by default', () => {
    const scrubText = createScrubber([{ pattern: /ORD-\d+/ }]);
    expect(scrubText('ORD-1 and ORD-22')).toBe('[REDACTED] and [REDACTED]');
    expect(scrubText('ORD-3 and ORD-4')).toBe('[REDACTED] and [REDACTED]');
  });

  it('keeps the other flags and supports $ references', () => {
    const scrubText = createScrubber([{ pattern: /user-(\d+)/gi, replacement: 'user-#$1' }]);
    expect(scrubText('USER-7 user-8')).toBe('user-#7 user-#8');
  });

  it('does not share state with the pattern it was given', () => {
    const pattern = /x/g;
    const scrubText = createScrubber([{ pattern, replacement: 'y' }]);
    pattern.lastIndex = 5;
    expect(scrubText('xx')).toBe('yy');
    expect(pattern.lastIndex).toBe(5);
  });

  it('skips a scrubber that throws or returns a non-string', () => {
    const scrubText = createScrubber([
      () => {
        throw new Error('boom');
      },
      (() => 42) as unknown as Scrubber,
      (text) => `${text}!`,
    ]);
    expect(scrubText('bob@example.com')).toBe('[EMAIL]!');
  });

  it('ignores entries that are not scrubbers', () => {
    const scrubText = createScrubber([null, { pattern: 'x' }, (text: string) => text.toUpperCase()] as unknown as Scrubber[]);
    expect(scrubText('a b')).toBe('A B');
  });
});

describe('scrubStackAndMessage', () => {
  const frames = '\n    at charge (/srv/app/src/pay.js:10:15)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)';

  it('gives the message as scrub gives it, from the stack that starts with it', () => {
    const message = 'card 4111 1111 1111 1111 of bob@example.com from 10.0.0.7';
    expect(scrubStackAndMessage(`PaymentError: ${message}${frames}`, message)).toEqual([
      `PaymentError: card [CREDIT_CARD] of [EMAIL] from [IP_ADDRESS]${frames}`,
      'card [CREDIT_CARD] of [EMAIL] from [IP_ADDRESS]',
    ]);
  });

  it('scrubs the message on its own where the stack reads it otherwise', () => {
    // After a sensitive name the message is a secret's value; a quote opened before it runs into it.
    for (const [stack, message] of [[`Token: abc123${frames}`, 'abc123'], [`password="x: y${frames}`, 'y'], ['Error: other message', 'message']] as const) {
      expect(scrubStackAndMessage(stack, message)).toEqual([scrub(stack), scrub(message)]);
    }
    expect(scrubStackAndMessage(`Token: abc123${frames}`, 'abc123')[1]).toBe('abc123');
  });
});
