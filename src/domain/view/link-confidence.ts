/**
 * A link's confidence as people read it, "99.8%", rounded down so a link is never shown as more
 * certain than it is. The screen and the CSV both use this, so a printed or exported chronology
 * says exactly what the screen said (issue 14 point 4).
 */
export function formatLinkConfidence(probability: number): string {
  return `${(Math.floor(probability * 1000) / 10).toFixed(1)}%`;
}
