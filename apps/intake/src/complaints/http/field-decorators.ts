import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { normalisePhoneNumber } from '../domain/phone';
import { hasForbiddenCharacters, normaliseText, type TextKind } from '../domain/text';

/** NFC-normalises strings before validation; other values pass through to fail their checks. */
export function NormalisedText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normaliseText(value) : value,
  );
}

export function NoControlCharacters(
  kind: TextKind,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noControlCharacters',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !hasForbiddenCharacters(value, kind),
        defaultMessage: () =>
          kind === 'single-line'
            ? '$property must not contain control characters or line breaks'
            : '$property must not contain control characters',
      },
    },
    options,
  );
}

/** A non-empty text field: NFC, at most `max` characters, no control characters. */
export function TextField(max: number, kind: TextKind = 'single-line'): PropertyDecorator {
  return applyDecorators(
    NormalisedText(),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    NoControlCharacters(kind),
  );
}

/** Normalises an Indonesian (or any `+`-prefixed) number to E.164, or refuses it. */
export function PhoneNumber(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? (normalisePhoneNumber(value) ?? value) : value,
    ),
    IsString(),
    MaxLength(32),
    ValidateBy({
      name: 'e164',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && normalisePhoneNumber(value) === value,
        defaultMessage: () =>
          '$property must be a phone number such as 0812-3456-7890 or +6281234567890',
      },
    }),
  );
}
