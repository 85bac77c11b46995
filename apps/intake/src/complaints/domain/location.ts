/**
 * Indonesia's extent with a margin for its waters: from Sabang/Weh (≈95° E) to Merauke (≈141° E),
 * from the Miangas/Natuna north (≈6° N) to Rote/Ndana south (≈11° S).
 */
export const INDONESIA_BOUNDS = {
  minLat: -11.5,
  maxLat: 6.5,
  minLon: 94.5,
  maxLon: 141.5,
} as const;

export function isWithinIndonesia(lat: number, lon: number): boolean {
  const b = INDONESIA_BOUNDS;
  return lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;
}
