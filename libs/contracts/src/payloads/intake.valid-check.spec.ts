import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { copyPlain, nearlyValid } from '@salur/testing';
import fc from 'fast-check';
import { EventTypes } from '../event-types';
import { sampleEventData } from '../samples';
import { ComplaintSubmittedPayload } from './intake.payloads';
import { validComplaintSubmittedData } from './intake.valid-check';

/** What `validateEventData` does with the decorators alone: the instance, or null when refused. */
function throughDecorators(data: unknown): ComplaintSubmittedPayload | null {
  const instance = plainToInstance(ComplaintSubmittedPayload, data);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return errors.length === 0 ? instance : null;
}

function validData(): Record<string, unknown> {
  const data = copyPlain(sampleEventData(EventTypes.ComplaintSubmitted)) as Record<string, unknown>;
  return { ...data, targetAgency: 'pemda-64.71' };
}

function nearLimit(limit: number): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(
    'x'.repeat(limit),
    'x'.repeat(limit + 1),
    '\u{1F600}'.repeat(limit),
    '\u{1F600}'.repeat(limit + 1),
    ' ',
    '\uFE0F',
    '',
  );
}

function near(bound: number): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(bound, bound - 1e-9, bound + 1e-9, String(bound));
}

const edgy = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, '', 0, 1, 1.5, Number.NaN, Infinity, true, [], {}),
  fc.string(),
  fc.anything(),
);

/** Per field (a path into the data), values near its rules' edges. */
const fieldValues: [string[], fc.Arbitrary<unknown>][] = [
  [['complaintId'], fc.constantFrom('0b6f8e1a-3c2d-4f5e-9a7b-1c2d3e4f5a6b', 'not-a-uuid')],
  [
    ['trackingId'],
    fc.constantFrom('SLR-7K3M-Q9TX-2B8D', 'SLR', '-SLR', 'x'.repeat(40), 'x'.repeat(41)),
  ],
  [['type'], fc.constantFrom('complaint', 'aspiration', 'Complaint')],
  [['channel'], fc.constantFrom('web', 'walk_in', 'fax')],
  [['title'], nearLimit(200)],
  [['body'], nearLimit(10_000)],
  [
    ['category'],
    fc.constantFrom('air-bersih', 'a.b_c', 'Air', 'a--b', 'a'.repeat(64), 'a'.repeat(65)),
  ],
  [
    ['occurredAt'],
    fc.constantFrom('2025-02-29', '2024-02-29', '2025-02-24T10:00:00Z', '2025-02-24T10:00'),
  ],
  [['location', 'regionCode'], fc.constantFrom('64', '64.71.06.1003', '64.7', '')],
  [['location', 'address'], nearLimit(500)],
  [['location', 'lat'], fc.oneof(near(-90), near(90))],
  [['location', 'lon'], fc.oneof(near(-180), near(180))],
  [['targetAgency'], fc.constantFrom('kl-pupr', 'lapor-pusat', 'pemda-6', `kl-${'a'.repeat(62)}`)],
  [['privacy'], fc.constantFrom('public', 'confidential', 'secret')],
  [['language'], fc.constantFrom('id', 'en', 'jv')],
  [
    ['reporter'],
    fc.constantFrom<unknown>({}, { name: null }, { name: undefined }, { email: 'a@b.co' }),
  ],
  [['reporter', 'name'], nearLimit(200)],
  [
    ['reporter', 'email'],
    fc.constantFrom('a@example.test', 'a@b', ` a@example.test`, `${'a'.repeat(65)}@example.test`),
  ],
  [['reporter', 'phone'], fc.constantFrom('+6281234567890', '081234567890', '+0812345678')],
  [['reporter', 'nationalId'], fc.constantFrom('6471012345670001', '647101234567000')],
  [
    ['attachments'],
    // up to the limit and one past it, of valid attachments (the count alone decides)
    fc.constantFrom<unknown>(
      [],
      new Array(10).fill(null),
      new Array(10).fill((validData().attachments as unknown[])[0]),
      new Array(11).fill((validData().attachments as unknown[])[0]),
    ),
  ],
  [
    ['attachments', '0', 'url'],
    fc.constantFrom(
      'http://localhost/x',
      'ftp://files.example.test/x',
      `https://files.example.test/${'x'.repeat(2021)}`,
      `https://files.example.test/${'x'.repeat(2022)}`,
    ),
  ],
  [
    ['attachments', '0', 'contentType'],
    fc.constantFrom(
      'application/pdf',
      'image/svg+xml',
      'Image/png',
      `a/${'b'.repeat(125)}`,
      `a/${'b'.repeat(126)}`,
    ),
  ],
  [
    ['attachments', '0', 'size'],
    fc.constantFrom(0, 1, 100 * 1024 * 1024, 100 * 1024 * 1024 + 1, 1.5),
  ],
  [['attachments', '0', 'sha256'], fc.constantFrom('f'.repeat(64), 'F'.repeat(64))],
  [['submittedAt'], fc.constantFrom('2025-02-24T10:00:00Z', '2025-02-24T10:00:00', '2025-02-24')],
];

const nearlyValidValues = nearlyValid({
  valid: validData,
  fields: fieldValues,
  extraPaths: [
    ['location'],
    ['location', 'extra'],
    ['reporter', 'extra'],
    ['attachments', '0'],
    ['attachments', '1'],
    ['extra'],
    ['constructor'],
    ['__proto__'],
  ],
  edgy,
});

describe('validComplaintSubmittedData', () => {
  it('returns exactly what the decorators return, for all data it vouches for', () => {
    fc.assert(
      fc.property(nearlyValidValues, (data) => {
        const fast = validComplaintSubmittedData(copyPlain(data));
        if (fast === undefined) return;
        const slow = throughDecorators(copyPlain(data));
        expect(slow).not.toBeNull();
        expect(fast).toStrictEqual(slow);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      }),
      { numRuns: 3000 },
    );
  });

  it('vouches for ordinary valid data', () => {
    const {
      category: _category,
      occurredAt: _occurredAt,
      targetAgency: _targetAgency,
      reporter: _reporter,
      ...minimal
    } = validData();
    for (const data of [validData(), minimal, { ...minimal, attachments: [] }]) {
      const fast = validComplaintSubmittedData(copyPlain(data));
      expect(fast).toBeInstanceOf(ComplaintSubmittedPayload);
      expect(fast).toStrictEqual(throughDecorators(copyPlain(data)));
    }
  });

  it('leaves all data the decorators refuse to them', () => {
    fc.assert(
      fc.property(nearlyValidValues, (data) => {
        if (throughDecorators(copyPlain(data)) === null) {
          expect(validComplaintSubmittedData(copyPlain(data))).toBeUndefined();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
