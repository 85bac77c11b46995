import { databaseUrl, redactUrl } from './database';

describe('databaseUrl', () => {
  it('swaps the database and keeps credentials, host, port and options', () => {
    expect(
      databaseUrl('postgres://app:s3cret@db.internal:6432/postgres?sslmode=require', 'intake_test'),
    ).toBe('postgres://app:s3cret@db.internal:6432/intake_test?sslmode=require');
  });

  it('adds the database to a URL that has none', () => {
    expect(databaseUrl('postgres://postgres@127.0.0.1:5432', 'salur')).toBe(
      'postgres://postgres@127.0.0.1:5432/salur',
    );
  });
});

describe('redactUrl', () => {
  it('masks the password and nothing else', () => {
    expect(redactUrl('postgres://app:s3cret@db:5432/salur')).toBe(
      'postgres://app:***@db:5432/salur',
    );
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres',
    );
  });

  it('never echoes a value it cannot parse, which might be a secret', () => {
    expect(redactUrl('not a url with password hunter2')).toBe('<unparseable URL>');
  });
});
