/**
 * The classifier page's own time for an answer, as its card shows it under Details ("Model … · 87 ms"):
 * reading, decoding, preprocessing and the model. The benches subtract it from click to answer to tell
 * the page's work from the rest (the background, the messages, the content script, the card).
 */
export function classifierMillis(details: string): number {
  const millis = details.match(/([\d,]+) ms/)?.[1];
  if (!millis) throw new Error(`No time in the card's Details: "${details}"`);
  return Number(millis.replaceAll(',', ''));
}
