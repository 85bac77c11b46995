import { findJava, parseJavaMajorVersion } from './java';

describe('parseJavaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "25-ea" 2025-09-16', 25],
  ])('reads %s as %d', (output, major) => {
    expect(parseJavaMajorVersion(output)).toBe(major);
  });

  it('gives up on output without a version', () => {
    expect(parseJavaMajorVersion('command not found')).toBeUndefined();
  });
});

describe('findJava', () => {
  it('says that Java is missing and how to do without it', async () => {
    await expect(findJava({ PATH: '/nonexistent' })).rejects.toThrow(
      /needs Java, but `java` was not found\. Install Java 17 or newer .* KAFKA_BROKERS/,
    );
  });
});
