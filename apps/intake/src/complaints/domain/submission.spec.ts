import { missingReporterFields, type SubmissionInput } from './submission';

const base: SubmissionInput = {
  type: 'complaint',
  channel: 'web',
  title: 't',
  body: 'b',
  regionCode: '64.71',
  privacy: 'public',
  language: 'id',
};

describe('missingReporterFields', () => {
  it('asks nothing of an anonymous reporter', () => {
    expect(missingReporterFields({ ...base, privacy: 'anonymous' })).toEqual([]);
  });

  it('needs a name and a way to reach anyone else', () => {
    expect(missingReporterFields(base)).toEqual(['reporter.name']);
    expect(missingReporterFields({ ...base, reporter: { name: 'Siti' } })).toEqual([
      'reporter.email',
      'reporter.phone',
    ]);
    expect(
      missingReporterFields({ ...base, reporter: { name: 'Siti', phone: '+628123' } }),
    ).toEqual([]);
  });
});
