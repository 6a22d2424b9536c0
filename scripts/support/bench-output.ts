/**
 * The `--json` flag every bench takes: its figures as one JSON object on stdout, under names that stay
 * the same from run to run, for other programs to read, instead of its sentences. Progress notes go to
 * stderr either way, so stdout holds the object alone.
 */
export const JSON_OPTION = { json: { type: 'boolean', default: false } } as const;

/** Prints `figures` as one line of JSON when `json` is set, else as `say` words them. */
export function printFigures<T>(json: boolean | undefined, figures: T, say: (figures: T) => void): void {
  if (json) console.log(JSON.stringify(figures));
  else say(figures);
}

/** A figure rounded to `digits` decimals, as the JSON objects carry them. */
export const rounded = (value: number, digits = 0) => Number(value.toFixed(digits));
