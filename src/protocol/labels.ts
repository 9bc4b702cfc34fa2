/**
 * Whose a label is. `human:<user>` is a person at a terminal (the CLI): history's `from human`
 * filter, the terminal's bold and a model's trust all go by that prefix, so a session's label
 * (a branch or folder name, which may be anything, `human:alice` included) never starts with it.
 */

const PERSON = /^human:/i;

/** Does this label read as a person's? Case-insensitive: `HUMAN:alice` reads as one to a model too. */
export function readsAsPerson(label: string): boolean {
  return PERSON.test(label);
}

/** A session's label that cannot pass for a person's: `human:alice` becomes `human-alice`. */
export function notAPerson(label: string): string {
  return label.replace(PERSON, (p) => `${p.slice(0, -1)}-`);
}

/**
 * The label the daemon files a client under: a person's only for a person's identity (its
 * session id is the `human:` label itself); any other client's is neutralised, whatever it sent.
 */
export function filedLabel(sessionId: string, label: string): string {
  return readsAsPerson(label) && !readsAsPerson(sessionId) ? notAPerson(label) : label;
}
