import { RequestValidationError, createValidationPipe } from '@salur/platform';
import { copyPlain, nearlyValid } from '@salur/testing';
import fc from 'fast-check';
import { SubmitComplaintDto } from './submit-complaint.dto';
import { validSubmission } from './submit-complaint.valid-check';

/** What the validation pipe makes of a body without the hand-written check (not registered here). */
async function throughDecorators(body: unknown): Promise<unknown> {
  try {
    return await createValidationPipe().transform(body, {
      type: 'body',
      metatype: SubmitComplaintDto,
    });
  } catch (error) {
    if (error instanceof RequestValidationError) return error;
    throw error;
  }
}

function validBody(): Record<string, unknown> {
  return {
    type: 'complaint',
    channel: 'web',
    title: 'Jalan berlubang di Jl. Jenderal Sudirman',
    body: 'Lubang besar di depan pasar,\nsudah dua minggu belum diperbaiki.',
    category: 'infrastruktur',
    occurredAt: '2026-11-20',
    location: { regionCode: '64.71', address: 'Jl. Sudirman', lat: -1.2654, lon: 116.8312 },
    targetAgency: 'pemda-64.71',
    privacy: 'public',
    language: 'id',
    reporter: {
      name: 'Siti Rahmawati',
      email: ' Siti@Example.test ',
      phone: '0812-3456-7890',
      nationalId: '6471012345670001',
    },
    attachments: [
      {
        url: 'https://files.example.test/a/lubang.jpg',
        contentType: 'image/jpeg',
        size: 182_044,
        sha256: 'a'.repeat(64),
      },
    ],
  };
}

/** Values near the edges of the DTO's rules, and anything at all. */
const edgy = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    null,
    undefined,
    0,
    -1,
    1,
    1.5,
    Number.NaN,
    Infinity,
    true,
    [],
    {},
    'complaint',
    'anonymous',
    'en',
    'e\u0301',
    'line\nbreak',
    'tab\there',
    'bidi\u202etext',
    '\u2028',
    'x'.repeat(200),
    'x'.repeat(201),
    '64',
    '64.71.01.1001',
    '64.7',
    '99.99',
    '2026-02-30',
    '2026-11-20T10:00:00Z',
    '2026-11-20T10:00',
    'pemda-64',
    'kl-pupr',
    'lapor-pusat',
    'Pemda-64',
    '+6281234567890',
    '62 812 3456 7890',
    '+1 (202) 555-0100',
    '0812',
    'a@b',
    'a@example.test',
    'ftp://files.example.test/x',
    'http://localhost/x',
    'javascript:alert(1)',
    -11.5,
    -11.6,
    6.5,
    94.5,
    141.5,
    141.6,
    25 * 1024 * 1024,
    25 * 1024 * 1024 + 1,
    '6471012345670001',
    '647101234567000',
    'F'.repeat(64),
    'image/png',
    'text/html',
  ),
  fc.string(),
  fc.anything(),
);

/** Strings around a text field's limit, counted as the DTO counts (NFC, surrogate pairs). */
function nearLimit(limit: number): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(
    'x'.repeat(limit),
    'x'.repeat(limit + 1),
    'e\u0301'.repeat(limit),
    'e\u0301'.repeat(limit + 1),
    '\u{1F600}'.repeat(limit),
    '\u{1F600}'.repeat(limit + 1),
    `${'x'.repeat(limit - 1)}\n`,
    'Kafe\u0301 di Jl. Sudirman',
    '\u212b ohm \u2126',
  );
}

function near(bound: number): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(bound, bound - 1e-9, bound + 1e-9, String(bound));
}

/** Per field (a path into the body), values near its rules' edges, and anything at all. */
const fieldValues: [string[], fc.Arbitrary<unknown>][] = [
  [['type'], fc.constantFrom('complaint', 'aspiration', 'information_request', 'Complaint')],
  [['channel'], fc.constantFrom('web', 'sms', 'mobile', 'WEB')],
  [['title'], nearLimit(200)],
  [['body'], nearLimit(10_000)],
  [['category'], fc.constantFrom('infrastruktur', 'kesehatan', 'Infrastruktur', '')],
  [['occurredAt'], fc.constantFrom('2026-02-28', '2026-02-30', '2026-11-20T10:00:00+07:00')],
  [['location', 'regionCode'], fc.constantFrom('64', '64.71.01.1001', '64.71.01.10011', '6')],
  [['location', 'address'], nearLimit(500)],
  [['location', 'lat'], fc.oneof(near(-11.5), near(6.5))],
  [['location', 'lon'], fc.oneof(near(94.5), near(141.5))],
  [
    ['targetAgency'],
    fc.constantFrom('kl-pupr', 'kl-', `kl-${'a'.repeat(61)}`, `kl-${'a'.repeat(62)}`),
  ],
  [['privacy'], fc.constantFrom('public', 'anonymous', 'confidential', 'private')],
  [['language'], fc.constantFrom('id', 'en', 'fr')],
  [['reporter', 'name'], nearLimit(200)],
  [
    ['reporter', 'email'],
    fc.constantFrom(
      'a@example.test',
      ' a@example.test\t',
      'a@b',
      `${'a'.repeat(64)}@example.test`,
      `${'a'.repeat(65)}@example.test`,
      `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(57)}`,
      `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(58)}`,
      'e\u0301@example.test',
    ),
  ],
  [
    ['reporter', 'phone'],
    fc.constantFrom(
      '+6281234567890',
      ' 0812 3456 7890 ',
      '62-812-3456-7890',
      '+62 (812) 3456-7890',
      '+1 202 555 0100',
      '+12025550100123456',
      '08123',
      '+0812345678',
    ),
  ],
  [['reporter', 'nationalId'], fc.constantFrom('6471012345670001', '647101234567000', '')],
  [
    ['attachments'],
    fc.constantFrom(
      [],
      (validBody().attachments as unknown[]).concat(...new Array(9).fill(validBody().attachments)),
      (validBody().attachments as unknown[]).concat(...new Array(10).fill(validBody().attachments)),
    ),
  ],
  [
    ['attachments', '0', 'url'],
    fc.constantFrom(
      'http://localhost/x',
      'https://files.example.test/x y',
      'ftp://files.example.test/x',
      `https://files.example.test/${'x'.repeat(2021)}`,
      `https://files.example.test/${'x'.repeat(2022)}`,
    ),
  ],
  [
    ['attachments', '0', 'contentType'],
    fc.constantFrom('image/png', 'application/pdf', 'text/html'),
  ],
  [
    ['attachments', '0', 'size'],
    fc.constantFrom(0, 1, 25 * 1024 * 1024, 25 * 1024 * 1024 + 1, 1.5, '1'),
  ],
  [['attachments', '0', 'sha256'], fc.constantFrom('f'.repeat(64), 'F'.repeat(64), 'f'.repeat(63))],
];

const nearlyValidValues = nearlyValid({
  valid: validBody,
  fields: fieldValues,
  extraPaths: [
    ['location'],
    ['location', 'extra'],
    ['reporter'],
    ['reporter', 'extra'],
    ['attachments', '0'],
    ['attachments', '1'],
    ['extra'],
    ['constructor'],
    ['__proto__'],
  ],
  edgy,
});

describe('validSubmission', () => {
  it('returns exactly what the DTO validation returns, for every body it vouches for', async () => {
    await fc.assert(
      fc.asyncProperty(nearlyValidValues, async (body) => {
        const fast = validSubmission(copyPlain(body));
        if (fast === undefined) return;
        const slow = await throughDecorators(copyPlain(body));
        expect(slow).not.toBeInstanceOf(RequestValidationError);
        expect(fast).toStrictEqual(slow);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      }),
      { numRuns: 3000 },
    );
  });

  it('vouches for ordinary valid bodies, so the route skips the decorators', async () => {
    const minimal = {
      type: 'aspiration',
      channel: 'web',
      title: 'Taman kota',
      body: 'Mohon tambah lampu.',
      location: { regionCode: '64' },
      privacy: 'anonymous',
    };
    for (const body of [validBody(), minimal, { ...minimal, reporter: {}, attachments: [] }]) {
      const fast = validSubmission(copyPlain(body));
      expect(fast).toBeInstanceOf(SubmitComplaintDto);
      expect(fast).toStrictEqual(await throughDecorators(copyPlain(body)));
    }
  });

  it('leaves every refused body to the DTO validation', async () => {
    await fc.assert(
      fc.asyncProperty(nearlyValidValues, async (body) => {
        const slow = await throughDecorators(copyPlain(body));
        if (slow instanceof RequestValidationError) {
          expect(validSubmission(copyPlain(body))).toBeUndefined();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
